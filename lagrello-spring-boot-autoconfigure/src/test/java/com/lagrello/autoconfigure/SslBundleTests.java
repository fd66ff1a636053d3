package com.lagrello.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;

/**
 * {@code lagrello.ssl.bundle} against a loopback HTTPS server whose certificate is
 * generated for the test and trusted only through the bundle.
 */
class SslBundleTests {

	@TempDir
	static Path directory;

	static WireMockServer server;

	static Path certificate;

	@BeforeAll
	static void startHttpsServer() throws Exception {
		LoopbackCertificate generated = LoopbackCertificate.generate(directory);
		certificate = generated.certificate();
		server = generated.startHttpsServer();
		server.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stopHttpsServer() {
		server.stop();
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebClientAutoConfiguration.class,
				LagrelloAutoConfiguration.class))
		.withPropertyValues("lagrello.base-url=https://localhost:" + server.httpsPort(),
				"lagrello.access-token=ssl-test-token", "lagrello.retry.max-attempts=1",
				"spring.ssl.bundle.pem.lagrello-test.truststore.certificate=file:" + certificate);

	@Test
	void httpsServerTrustedThroughTheConfiguredBundleIsReached() {
		this.runner.withPropertyValues("lagrello.ssl.bundle=lagrello-test")
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void httpsServerWithAnUntrustedCertificateIsRefusedWithoutTheBundle() {
		this.runner.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10)));
	}

}
