package com.lagrello.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when an application with a {@code lagrello.*} value that cannot work
 * is started as they start theirs, with {@link SpringApplication}: the failure analysis
 * Spring Boot prints, naming the property and what to do, never a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpFailureAnalysisTests {

	private static final String BASE_URL = "--lagrello.base-url=http://127.0.0.1:8080";

	@Test
	void aTokenWithWhitespaceInsideIsRefusedWithoutPrintingIt(CapturedOutput output) {
		assertDoesNotStart(BASE_URL, "--lagrello.access-token=Bearer s3cr3t-token-4711");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("lagrello.access-token")
			.contains("must not contain whitespace")
			.doesNotContain("s3cr3t");
	}

	@Test
	void anUnresolvedPlaceholderAsTheTokenIsRefusedNamingTheVariable(CapturedOutput output) {
		assertDoesNotStart(BASE_URL, "--lagrello.access-token=${LAGRELLO_TEST_UNSET_TOKEN_4711}");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("lagrello.access-token")
			.contains("LAGRELLO_TEST_UNSET_TOKEN_4711");
	}

	@Test
	void anUnresolvedPlaceholderAsTheProxyUserIsRefusedNamingTheVariable(CapturedOutput output) {
		assertDoesNotStart(BASE_URL, "--lagrello.access-token=valid-token-0123456789",
				"--lagrello.proxy.host=proxy.example.com", "--lagrello.proxy.port=3128",
				"--lagrello.proxy.username=${PROXY_TEST_UNSET_USER_4711}", "--lagrello.proxy.password=secret-4711");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("lagrello.proxy.username")
			.contains("PROXY_TEST_UNSET_USER_4711")
			.doesNotContain("secret-4711");
	}

	@Test
	void aMissingSslBundleIsRefusedNamingThePropertyAndTheBundlesThatExist(CapturedOutput output) {
		assertDoesNotStart("--lagrello.base-url=https://api.lagrello.example",
				"--lagrello.access-token=valid-token-0123456789", "--lagrello.ssl.bundle=missing",
				"--spring.ssl.bundle.pem.corporate.truststore.certificate=classpath:none.pem");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("lagrello.ssl.bundle")
			.contains("'missing'")
			.contains("corporate")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void aDurationTooLongForTheClientIsRefusedBeforeAnyCall(CapturedOutput output) {
		assertDoesNotStart(BASE_URL, "--lagrello.access-token=valid-token-0123456789",
				"--lagrello.retry.max-retry-after=200000d");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("lagrello.retry.maxRetryAfter")
			.contains("must be at most 1d");
	}

	private static void assertDoesNotStart(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(args).close());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class })
	static class Application {

	}

}
