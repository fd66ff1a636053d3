package com.lagrello.autoconfigure.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages the browser is redirected to after a magic-link request,
 * {@code lagrello.security.magic-link.sent-url} and {@code failure-url}, are paths of the
 * application: a URL to another host (an open redirect) or a relative one stops start-up
 * with a failure analysis naming the property, in servlet and reactive applications.
 */
class MagicLinkUrlValidationTests {

	private static final AutoConfigurations AUTO_CONFIGURATION = AutoConfigurations
		.of(LagrelloSecurityAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATION)
		.withUserConfiguration(LagrelloSecurityAutoConfigurationTests.AuthClientConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATION)
		.withUserConfiguration(LagrelloSecurityAutoConfigurationTests.AuthClientConfiguration.class);

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			lagrello.security.magic-link.sent-url    | https://evil.example/welcome
			lagrello.security.magic-link.sent-url    | http://localhost:8080/ott/sent
			lagrello.security.magic-link.sent-url    | //evil.example/ott/sent
			lagrello.security.magic-link.sent-url    | /\\evil.example/ott/sent
			lagrello.security.magic-link.sent-url    | ott/sent
			lagrello.security.magic-link.sent-url    | javascript:alert(1)
			lagrello.security.magic-link.sent-url    | '/ott/sent page'
			lagrello.security.magic-link.failure-url | https://evil.example/login?error
			lagrello.security.magic-link.failure-url | //evil.example
			lagrello.security.magic-link.failure-url | login?error
			lagrello.security.magic-link.failure-url | /login?error={code}
			lagrello.security.magic-link.sent-url    | /ott/sent^now
			""")
	void aUrlThatIsNotAPathOfTheApplicationStopsStartUp(String property, String value) {
		this.servlet.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertNamesTheProperty(analyze(context.getStartupFailure()), property, value);
		});
		this.reactive.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertNamesTheProperty(analyze(context.getStartupFailure()), property, value);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "lagrello.security.magic-link.sent-url", "lagrello.security.magic-link.failure-url" })
	void anEmptyUrlStopsStartUp(String property) {
		this.servlet.withPropertyValues(property + "=").run((context) -> {
			assertThat(context).hasFailed();
			assertNamesTheProperty(analyze(context.getStartupFailure()), property, "");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/ott/sent", "/ott/sent?check=mail", "/sign-in/sent#top" })
	void aPathOfTheApplicationIsAccepted(String url) {
		this.servlet
			.withPropertyValues("lagrello.security.magic-link.sent-url=" + url,
					"lagrello.security.magic-link.failure-url=" + url)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OneTimeTokenGenerationSuccessHandler.class));
	}

	private static void assertNamesTheProperty(FailureAnalysis analysis, String property, String value) {
		assertThat(analysis).as("a failure analysis").isNotNull();
		assertThat(analysis.getDescription()).contains(property)
			.contains("Value: \"" + value + "\"")
			.contains("must be a path of this application");
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
