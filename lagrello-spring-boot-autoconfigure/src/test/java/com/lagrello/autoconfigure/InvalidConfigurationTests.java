package com.lagrello.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code lagrello.*} value that cannot work stops the application at start-up with
 * one failure analysis naming the property and what is allowed: never a silent fallback,
 * never a bare stack trace.
 */
class InvalidConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
		.withPropertyValues("lagrello.base-url=http://127.0.0.1:8080", "lagrello.access-token=valid-token-0123456789");

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
							lagrello.health.interval          | -5s                       | must be 0 or longer
							lagrello.health.timeout           | 0                         | must be longer than 0
							lagrello.max-in-memory-size       | -1B                       | must be from 1B
							lagrello.max-in-memory-size       | 0                         | must be from 1B
							lagrello.max-in-memory-size       | 3GB                       | must be from 1B
							lagrello.connect-timeout          | -1s                       | must be longer than 0
							lagrello.connect-timeout          | 0                         | must be longer than 0
							lagrello.read-timeout             | 0                         | must be longer than 0
							lagrello.call-timeout             | -1s                       | must be longer than 0
							lagrello.call-timeout             | 3650d                     | must be at most a day
							lagrello.connect-timeout          | 9999999d                  | must be at most a day
							lagrello.bulk.concurrency         | 0                         | must be 1 or more
							lagrello.pool.max-idle-time       | -1s                       | must be longer than 0
							lagrello.pool.max-connections     | 0                         | must be 1 or more
							lagrello.retry.max-attempts       | 0                         | must be at least 1
							lagrello.retry.initial-backoff    | -1ms                      | must be zero or more
							lagrello.retry.max-backoff        | 1ms                       | must not be shorter
							lagrello.retry.max-retry-after    | -1s                       | must be zero or more
							lagrello.retry.initial-backoff    | 200000d                   | must be at most 1d
							lagrello.retry.max-backoff        | 200000d                   | must be at most 1d
							lagrello.retry.max-retry-after    | 200000d                   | must be at most 1d
							lagrello.pool.max-idle-time       | 200000d                   | must be at most a day
							lagrello.health.timeout           | 200000d                   | must be at most a day
							lagrello.health.interval          | 200000d                   | must be at most a day
							lagrello.access-token             | ${LAGRELLO_UNSET_4711}    | LAGRELLO_UNSET_4711
							lagrello.retry.budget.percent     | -1                        | must be from 0 to 1000
							lagrello.retry.budget.percent     | 1001                      | must be from 0 to 1000
							lagrello.retry.budget.min-retries | -1                        | must be 0 or more
							lagrello.retry.budget.window      | 500ms                     | must be from 1s to a day
							lagrello.retry.budget.window      | 2d                        | must be from 1s to a day
							lagrello.pagination.page-size     | 21                        | must be from 1 to 20
							lagrello.pagination.page-size     | 0                         | must be from 1 to 20
							lagrello.pagination.max-pages     | 0                         | must be 1 or more
					lagrello.pagination.concurrency   | 0                         | must be from 1 to 32
					lagrello.pagination.concurrency   | 33                        | must be from 1 to 32
							lagrello.base-url                 | http://127.0.0.1:99999    | port from 1 to 65535
							lagrello.base-url                 | ftp://api.lagrello.com    | must use https
							lagrello.base-url                 | https://api.lagrello.com?x=1 | must not have user info, a query
							lagrello.base-url                 | /v1                       | absolute http(s) URL
							lagrello.base-url                 | http://anything.localhost | clear text to a remote host
							lagrello.base-url                 | http://api.example.com    | clear text to a remote host
							lagrello.access-token             | two words                 | must not contain whitespace
							lagrello.proxy.host               | http://proxy:3128         | without scheme, port or path
							lagrello.proxy.host               | proxy.example.com         | must be from 1 to 65535 when lagrello.proxy.host
							lagrello.proxy.port               | 3128                      | must be set when lagrello.proxy.port
							lagrello.proxy.password           | secret                    | must be set together
							lagrello.proxy.non-proxy-hosts    | a/b                       | must be host names
							""")
	void anInvalidValueStopsStartUpWithAFailureAnalysisNamingIt(String property, String value, String reason) {
		this.runner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis).as("a failure analysis").isNotNull();
			assertThat(analysis.getDescription()).contains("Value: ").contains(reason);
			assertThat(analysis.getDescription().replace("-", "").toLowerCase())
				.contains(property.replace("-", "").toLowerCase());
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			lagrello.proxy.non-proxy-hosts | api.lagrello.com:443 | without port
			lagrello.proxy.non-proxy-hosts | .lagrello.com        | not .example.com
			lagrello.proxy.non-proxy-hosts | ::1                  | IPv6 ones in brackets
			lagrello.proxy.username        | domain:user          | must not contain ':'
			""")
	void aProxyValueThatCannotWorkStopsStartUp(String property, String value, String reason) {
		this.runner
			.withPropertyValues("lagrello.proxy.host=proxy.example.com", "lagrello.proxy.port=3128",
					"lagrello.proxy.username=user", "lagrello.proxy.password=secret", property + "=" + value)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription()).contains(reason);
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			lagrello.proxy.username=domain:user-4711 | lagrello.proxy.password=secret-4711
			lagrello.proxy.username=user-4711        | lagrello.proxy.port=3128
			lagrello.access-token=Bearer user-4711   | lagrello.proxy.port=3128
			""")
	void aRejectedSecretIsShownMaskedInTheFailureAnalysis(String secret, String other) {
		this.runner
			.withPropertyValues("lagrello.proxy.host=proxy.example.com", "lagrello.proxy.port=3128", secret, other)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription()).contains("Value: \"******\"")
					.doesNotContain("user-4711")
					.doesNotContain("secret-4711");
			});
	}

	@Test
	void aBaseUrlWithCredentialsStopsStartUpWithoutShowingThem() {
		this.runner.withPropertyValues("lagrello.base-url=https://deploy:s3cret-4711@api.lagrello.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription()).contains("lagrello.base-url")
					.contains("must not have user info")
					.doesNotContain("s3cret-4711");
			});
	}

	@Test
	void aProxyWithAHostAndAPortStarts() {
		this.runner
			.withPropertyValues("lagrello.proxy.host=proxy.example.com", "lagrello.proxy.port=3128",
					"lagrello.proxy.non-proxy-hosts=*.internal,10.0.0.1,[::1]")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http://localhost:8080", "http://127.0.0.1:8080", "http://127.255.0.9:8080", "http://[::1]:8080" })
	void plainHttpToALoopbackAddressStarts(String baseUrl) {
		this.runner.withPropertyValues("lagrello.base-url=" + baseUrl)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static FailureAnalysis analyze(Throwable failure) {
		// the analyzers Spring Boot would run, less those that need a bean factory
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

}
