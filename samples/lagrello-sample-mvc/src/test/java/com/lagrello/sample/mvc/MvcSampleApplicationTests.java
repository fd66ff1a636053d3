package com.lagrello.sample.mvc;

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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP endpoints, against the fake Lagrello API of
 * {@link AutoConfigureFakeLagrello} (admin token and 4 more tokens).
 */
// health probes on every call, so that a test sees the API go down at once
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "lagrello.health.interval=0")
@AutoConfigureFakeLagrello(seedTokens = 4)
class MvcSampleApplicationTests {

	@Autowired
	private FakeLagrelloServer lagrello;

	private RestTestClient client;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void postCreatesAToken() {
		this.client.post()
			.uri("/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"tokenName\":\"mvc\",\"permissions\":[\"WRITE\"]}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.tokenName")
			.isEqualTo("mvc")
			.jsonPath("$.permissions")
			.isEqualTo(List.of("READ", "WRITE"));
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName).contains("mvc");
	}

	@Test
	void getListsEveryTokenFollowingPagesOfTwo() {
		this.client.get()
			.uri("/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Token>>() {
			})
			.value((tokens) -> assertThat(tokens).isEqualTo(this.lagrello.tokens()));
		assertThat(this.lagrello.requests()).extracting(RecordedRequest::uri)
			.containsExactly("/v1/tokens?size=2", "/v1/tokens?page=1&size=2", "/v1/tokens?page=2&size=2");
	}

	@Test
	void deleteRemovesTheToken() {
		Token doomed = this.lagrello.tokens().get(1);
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
			.jsonPath("$.components.lagrello.status")
			.isEqualTo("UP");
	}

	@Test
	void whenLagrelloIsDownTheCallerGetsA502ProblemDetail() {
		this.lagrello.failNext(3, FakeFault.status(503));
		this.client.get()
			.uri("/tokens")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errorType")
			.isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(this.lagrello.requests()).as("3 attempts").hasSize(3);
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
			.jsonPath("$.components.lagrello.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.lagrello.details.status")
			.isEqualTo(503);
	}

}
