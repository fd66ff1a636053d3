package com.lagrello.sample.webflux;

import java.util.List;

import com.lagrello.client.Token;
import com.lagrello.test.AutoConfigureFakeLagrello;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import com.lagrello.test.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP endpoints, against the fake Lagrello API of
 * {@link AutoConfigureFakeLagrello} (admin token and 3 more tokens).
 */
// health probes on every call, so that a test sees the API go down at once
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "lagrello.health.interval=0")
@AutoConfigureFakeLagrello(seedTokens = 3)
class WebFluxSampleApplicationTests {

	@Autowired
	private FakeLagrelloServer lagrello;

	private WebTestClient client;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void postCreatesATokenWithReadBesidesTheAskedPermissions() {
		this.client.post()
			.uri("/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"tokenName\":\"web\",\"permissions\":[\"WRITE\"]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.tokenName")
			.isEqualTo("web")
			.jsonPath("$.permissions")
			.isEqualTo(List.of("READ", "WRITE"));
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName).contains("web");
	}

	@Test
	void postWithBlankNameAnswers400WithoutCallingTheApi() {
		this.client.post()
			.uri("/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"tokenName\":\" \"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.lagrello.requests()).isEmpty();
	}

	@Test
	void getListsEveryTokenFollowingPagesOfTwo() {
		this.client.get()
			.uri("/tokens")
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Token.class)
			.value((tokens) -> assertThat(tokens).isEqualTo(this.lagrello.tokens()));
		assertThat(this.lagrello.requests()).extracting(RecordedRequest::uri)
			.containsExactly("/v1/tokens?size=2", "/v1/tokens?page=1&size=2");
	}

	@Test
	void getStreamsOneTokenPerLineAsNdjson() {
		this.client.get()
			.uri("/tokens")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body.lines()).hasSize(4)
				.allSatisfy((line) -> assertThat(line).startsWith("{\"tokenKey\":")));
	}

	@Test
	void deleteRemovesTheToken() {
		Token doomed = this.lagrello.tokens().get(2);
		this.client.delete().uri("/tokens/{key}", doomed.tokenKey()).exchange().expectStatus().isNoContent();
		assertThat(this.lagrello.token(doomed.tokenKey())).isEmpty();
	}

	@Test
	void deleteOfUnknownTokenAnswers404WithTheApisErrorType() {
		this.client.delete()
			.uri("/tokens/{key}", "no-such-token")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errorType")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void healthShowsTheLagrelloComponentUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.lagrello.status")
			.isEqualTo("UP");
	}

	@Test
	void deleteWithANamePrefixRevokesTheMatchingTokensThroughDeleteAll() {
		this.lagrello.addToken("ci-1");
		this.lagrello.addToken("ci-2");
		this.lagrello.addToken("prod");
		this.client.delete()
			.uri("/tokens?namePrefix={prefix}", "ci-")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deleted")
			.isEqualTo(List.of("ci-1", "ci-2"))
			.jsonPath("$.failed")
			.isEmpty();
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName)
			.containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "token-1", "token-2", "token-3", "prod");
	}

	@Test
	void deleteWithABlankNamePrefixIsRefusedWithoutCallingTheApi() {
		this.client.delete().uri("/tokens?namePrefix=").exchange().expectStatus().isBadRequest();
		assertThat(this.lagrello.requests()).isEmpty();
	}

	@Test
	void whenLagrelloIsDownTheCallerGetsA502ProblemDetail() {
		this.lagrello.failNext(3, FakeFault.status(503));
		this.client.post()
			.uri("/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"tokenName\":\"web\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errorType")
			.isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(this.lagrello.requests()).as("a create is never retried").hasSize(1);
	}

	@Test
	void whenLagrelloIsDownHealthShowsItDown() {
		this.lagrello.failNext(1, FakeFault.status(503));
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.lagrello.status")
			.isEqualTo("DOWN");
	}

}
