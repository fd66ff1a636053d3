package com.lagrello.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lagrello.proxy.*} through a loopback HTTP proxy: a {@code CONNECT} tunnel for an
 * https API, with Basic credentials given to the proxy only, and the bearer token to the
 * API, on both connectors.
 */
class ProxyTests {

	private static final String USER = "proxy-user";

	private static final String PASSWORD = "proxy-password-4711";

	private static final String CREDENTIALS = "Basic "
			+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private static final String TOKEN = "proxied-access-token-42";

	@TempDir
	static Path directory;

	static WireMockServer api;

	static LoopbackCertificate certificate;

	private LoopbackProxy proxy;

	@BeforeAll
	static void startApi() throws Exception {
		certificate = LoopbackCertificate.generate(directory);
		api = certificate.startHttpsServer();
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stopApi() {
		api.stop();
	}

	@AfterEach
	void stopProxy() throws Exception {
		this.proxy.close();
		api.resetRequests();
	}

	private ApplicationContextRunner runner(String baseUrl, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SslAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
			.withPropertyValues("lagrello.base-url=" + baseUrl, "lagrello.access-token=" + TOKEN,
					"lagrello.retry.max-attempts=1", "lagrello.proxy.host=127.0.0.1",
					"lagrello.proxy.port=" + this.proxy.port(),
					"spring.ssl.bundle.pem.lagrello-test.truststore.certificate=file:" + certificate.certificate(),
					"lagrello.ssl.bundle=lagrello-test")
			.withPropertyValues(properties);
	}

	// a name only the proxy can reach: loopback would bypass the proxy
	private static String httpsBaseUrl() {
		return "https://" + LoopbackCertificate.PROXIED_HOST + ":" + api.httpsPort();
	}

	@Test
	void anHttpsCallGoesThroughTheProxysTunnelWithItsCredentials() throws Exception {
		this.proxy = new LoopbackProxy(CREDENTIALS);
		runner(httpsBaseUrl(), "lagrello.proxy.username=" + USER, "lagrello.proxy.password=" + PASSWORD)
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
		assertThat(this.proxy.requestLines())
			.containsExactly("CONNECT " + LoopbackCertificate.PROXIED_HOST + ":" + api.httpsPort() + " HTTP/1.1");
		assertThat(this.proxy.authorizations()).containsExactly(CREDENTIALS);
		api.verify(1, deleteRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@Test
	void thePlainHttpCallOfTheJdkConnectorIsForwardedByThePlainProxy() throws Exception {
		this.proxy = new LoopbackProxy(null);
		runner("http://" + LoopbackCertificate.PROXIED_HOST + ":" + api.port(),
				"spring.http.clients.reactive.connector=jdk", "lagrello.allow-insecure-http=true")
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
		assertThat(this.proxy.requestLines()).containsExactly(
				"DELETE http://" + LoopbackCertificate.PROXIED_HOST + ":" + api.port() + "/v1/tokens/abc HTTP/1.1");
		api.verify(1, deleteRequestedFor(urlEqualTo("/v1/tokens/abc")));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void behindAnAuthenticatingProxyTheApiGetsTheTokenAndTheProxyTheCredentials(String connector) throws Exception {
		this.proxy = new LoopbackProxy(CREDENTIALS);
		runner("http://" + LoopbackCertificate.PROXIED_HOST + ":" + api.port(),
				"spring.http.clients.reactive.connector=" + connector, "lagrello.allow-insecure-http=true",
				"lagrello.proxy.username=" + USER, "lagrello.proxy.password=" + PASSWORD)
			.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				for (int call = 0; call < 2; call++) {
					StepVerifier.create(client.delete("abc")).expectComplete().verify(Duration.ofSeconds(10));
				}
			});
		assertThat(this.proxy.requestLines()).isNotEmpty();
		assertThat(this.proxy.authorizations()).hasSameSizeAs(this.proxy.requestLines()).allMatch(CREDENTIALS::equals);
		api.verify(2, deleteRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
		api.verify(0,
				deleteRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Proxy-Authorization", matching(".*")));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "reactor", "jdk" })
	void aBasicChallengeOfTheApiBehindAnAuthenticatingProxyIsTheApisAnswer(String connector) throws Exception {
		api.stubFor(delete("/v1/tokens/challenged").willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "Basic realm=\"api\"")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"UNAUTHORIZED\",\"message\":\"no\"}")));
		this.proxy = new LoopbackProxy(CREDENTIALS);
		runner("http://" + LoopbackCertificate.PROXIED_HOST + ":" + api.port(),
				"spring.http.clients.reactive.connector=" + connector, "lagrello.allow-insecure-http=true",
				"lagrello.proxy.username=" + USER, "lagrello.proxy.password=" + PASSWORD)
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("challenged"))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloApiException.class)
					.extracting((api) -> ((LagrelloApiException) api).statusCode())
					.isEqualTo(401))
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void theJdkConnectorWithProxyCredentialsForAnHttpsApiStopsStartUpSayingWhy() throws Exception {
		this.proxy = new LoopbackProxy(CREDENTIALS);
		runner(httpsBaseUrl(), "spring.http.clients.reactive.connector=jdk", "lagrello.proxy.username=" + USER,
				"lagrello.proxy.password=" + PASSWORD)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new LagrelloConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("lagrello.proxy.username")
					.contains("jdk.http.auth.tunneling.disabledSchemes")
					.doesNotContain(USER + ":")
					.doesNotContain(PASSWORD);
				assertThat(analysis.getAction()).contains("reactor");
			});
		assertThat(this.proxy.requestLines()).isEmpty();
	}

	@Test
	void aNonProxyHostIsConnectedToDirectly() throws Exception {
		this.proxy = new LoopbackProxy(null);
		// directly, the name resolves nowhere: the call fails without the proxy
		runner(httpsBaseUrl(), "lagrello.proxy.non-proxy-hosts=*.internal,LAGRELLO.*")
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectError(LagrelloTransportException.class)
				.verify(Duration.ofSeconds(10)));
		assertThat(this.proxy.requestLines()).isEmpty();
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void aProxyThatRefusesTheCredentialsFailsTheCallWithoutReachingTheApiOrEchoingThem() throws Exception {
		this.proxy = new LoopbackProxy("Basic c29tZW9uZTplbHNl");
		runner(httpsBaseUrl(), "lagrello.proxy.username=" + USER, "lagrello.proxy.password=" + PASSWORD)
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloException.class)
					.hasMessageNotContaining(PASSWORD)
					.hasMessageNotContaining(TOKEN))
				.verify(Duration.ofSeconds(10)));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
