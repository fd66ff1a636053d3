package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How HTTP error answers and broken answers reach the caller.
 */
class ErrorMappingTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.builder(api).retryPolicy(RetryPolicy.NONE).build());

	@Test
	void forbiddenAnswerBecomesApiExceptionWithStatusErrorTypeAndServerMessage() {
		api.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-42")
			.withBody(ApiExamples.FORBIDDEN)));

		StepVerifier.create(this.client.create(CreateTokenRequest.of("ci")))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(403);
						assertThat(api.errorType()).isEqualTo("FORBIDDEN");
						assertThat(api.serverMessage()).isEqualTo("The access token used to access resource is wrong");
						assertThat(api.requestId()).isEqualTo("req-42");
						assertThat(api.getMessage()).contains("tokens/create", "403",
								"The access token used to access resource is wrong", "req-42");
					}))
			.verify();
	}

	@Test
	void htmlBadGatewayBecomesApiExceptionWithoutErrorType() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(502);
						assertThat(api.errorType()).isNull();
						assertThat(api.getMessage()).contains("tokens/list", "502");
					}))
			.verify();
	}

	@Test
	void jsonErrorBodyThatIsNotAnApiErrorLeavesErrorTypeNull() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(
				aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("[1,2,3]")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.errorType()).isNull()))
			.verify();
	}

	@Test
	void redirectIsNotFollowedAndBecomesApiException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example.com/steal")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(302)))
			.verify();
	}

	@Test
	void malformedJsonBecomesDecodingException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"data\":[{\"tokenKey\":")));

		StepVerifier.create(this.client.listPage(0, 5)).expectError(LagrelloDecodingException.class).verify();
	}

	@Test
	void successWithHtmlBodyBecomesDecodingException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>")));

		StepVerifier.create(this.client.listPage(0, 5)).expectError(LagrelloDecodingException.class).verify();
	}

	@Test
	void slowAnswerBecomesTimeoutException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
		TokensClient impatient = clients.add(TestClients.builder(api).readTimeout(Duration.ofMillis(200)).build());

		java.util.concurrent.atomic.AtomicReference<String> thread = new java.util.concurrent.atomic.AtomicReference<>();

		StepVerifier.create(impatient.listPage(0, 5).doOnError((error) -> thread.set(Thread.currentThread().getName())))
			.expectError(LagrelloTimeoutException.class)
			.verify();

		assertThat(thread.get()).doesNotStartWith("lagrello-read-timeouts");
	}

	@Test
	void refusedConnectionBecomesTransportExceptionSayingTheRequestWasNotSent() {
		TokensClient unreachable = clients.add(TokensClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(RetryPolicy.NONE)
			.build());

		StepVerifier.create(unreachable.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error)
				.isInstanceOfSatisfying(LagrelloTransportException.class,
						(transport) -> assertThat(transport.requestSent()).isFalse())
				.hasCauseInstanceOf(Exception.class))
			.verify();
	}

	@Test
	void noExceptionMessageContainsTheAccessToken() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"UNAUTHORIZED\",\"message\":\"bad token\"}")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error.toString()).doesNotContain(TestClients.ACCESS_TOKEN))
			.verify();
	}

	@Test
	void theServersLineBreaksAndControlCharactersNeverReachTheExceptionMessage() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"errorType\":\"BAD\\r\\nREQUEST\",\"message\":\"bad page\\n2026-01-01 INFO forged\\u001b[31m line\"}")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						// one log line, whatever the server says: no forged lines, no
						// terminal escapes
						assertThat(api.getMessage()).doesNotContainPattern("\\p{Cntrl}")
							.contains("BAD  REQUEST: bad page 2026-01-01 INFO forged [31m line");
						assertThat(api.serverMessage()).isEqualTo("bad page\n2026-01-01 INFO forged\u001b[31m line");
						assertThat(api.errorType()).isEqualTo("BAD\r\nREQUEST");
					}))
			.verify();
	}

	@Test
	void serverMessageEchoingTheAccessTokenIsRedacted() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"errorType\":\"FORBIDDEN\",\"message\":\"token " + TestClients.ACCESS_TOKEN + " is wrong\"}")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.getMessage()).doesNotContain(TestClients.ACCESS_TOKEN)
							.contains("token **** is wrong");
						assertThat(api.serverMessage()).doesNotContain(TestClients.ACCESS_TOKEN);
					}))
			.verify();
	}

	@Test
	void redactedSecretsEchoedByTheServerAreRedactedLikeTheAccessToken() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(407)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-proxy-user")
			.withBody("{\"errorType\":\"proxy-user\",\"message\":\"proxy-user:proxy-user-password refused\"}")));
		TokensClient redacting = clients.add(TestClients.builder(api)
			.retryPolicy(RetryPolicy.NONE)
			.redactedSecrets(java.util.List.of("proxy-user", "proxy-user-password"))
			.build());

		StepVerifier.create(redacting.listPage(0, 5))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.getMessage()).contains("****:**** refused").doesNotContain("proxy-user");
						assertThat(api.errorType()).isEqualTo("****");
						assertThat(api.requestId()).isEqualTo("req-****");
					}))
			.verify();
	}

	@Test
	void errorBodyWithoutContentTypeIsStillReadAsTheApiError() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(404).withBody(ApiExamples.NOT_FOUND)));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.errorType()).isEqualTo("NOT_FOUND")))
			.verify();
	}

	@Test
	void problemJsonErrorBodyIsReadAsTheApiError() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"errorType\":\"BAD_REQUEST\",\"message\":\"size must be 1 to 20\"}")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.errorType()).isEqualTo("BAD_REQUEST")))
			.verify();
	}

	@Test
	void successBodyWithoutContentTypeIsReadAsJson() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(200).withBody(ApiExamples.page("a", 2, null))));

		StepVerifier.create(this.client.listPage(0, 5))
			.assertNext((page) -> assertThat(page.data()).hasSize(2))
			.verifyComplete();
	}

	@Test
	void successWithoutBodyBecomesDecodingExceptionForCreate() {
		api.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(200)));

		StepVerifier.create(this.client.create(CreateTokenRequest.of("ci")))
			.expectError(LagrelloDecodingException.class)
			.verify();
	}

	@Test
	void successWithoutBodyBecomesDecodingExceptionForListPage() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(200)));

		StepVerifier.create(this.client.listPage(0, 5)).expectError(LagrelloDecodingException.class).verify();
	}

	@Test
	void malformedContentTypeDoesNotFailADelete() {
		api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/v1/tokens/abc")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "html").withBody("ok")));

		StepVerifier.create(this.client.delete("abc")).verifyComplete();
	}

	@Test
	void errorWithMalformedContentTypeKeepsItsStatus() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "json").withBody("down")));

		StepVerifier.create(this.client.listPage(0, 5))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(503)))
			.verify();
	}

	@Test
	void successWithMalformedContentTypeBecomesDecodingException() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "json").withBody("{}")));

		StepVerifier.create(this.client.listPage(0, 5)).expectError(LagrelloDecodingException.class).verify();
	}

}
