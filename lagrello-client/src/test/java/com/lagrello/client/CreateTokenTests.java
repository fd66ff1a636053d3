package com.lagrello.client;

import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TokensClient#create} on the wire.
 */
class CreateTokenTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.client(api));

	@Test
	void createPostsJsonWithBearerTokenAndAcceptHeader() {
		api.stubFor(post("/v1/tokens").willReturn(okJson(ApiExamples.TOKEN)));

		StepVerifier.create(this.client.create(CreateTokenRequest.of("ci", Permission.READ, Permission.WRITE)))
			.expectNextCount(1)
			.verifyComplete();

		api.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
			.withHeader("Authorization", equalTo("Bearer " + TestClients.ACCESS_TOKEN))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"tokenName\":\"ci\",\"permissions\":[\"READ\",\"WRITE\"]}", false, false)));
	}

	@Test
	void createDecodesTheSpecExampleIncludingItsDateAndAnUnknownPermission() {
		api.stubFor(post("/v1/tokens").willReturn(okJson(ApiExamples.TOKEN)));

		Token token = this.client.create(CreateTokenRequest.of("tokenName")).block();

		assertThat(token).isNotNull();
		assertThat(token.tokenKey()).isEqualTo("13777603-bdf9-48f7-a493-3b4a94e8be02");
		assertThat(token.tokenName()).isEqualTo("tokenName");
		assertThat(token.createdBy()).isEqualTo("createdBy");
		assertThat(token.createdAt()).isEqualTo(Instant.parse("2000-01-23T04:56:07Z"));
		assertThat(token.permissions()).containsExactly(Permission.READ, Permission.of("AUDIT"));
	}

	@Test
	void createIsNotRetriedAfterTheRequestMayHaveReachedTheServer() {
		api.stubFor(post("/v1/tokens").willReturn(aResponse().withStatus(503)));

		StepVerifier.create(this.client.create(CreateTokenRequest.of("ci")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloApiException.class)
				.extracting("statusCode")
				.isEqualTo(503))
			.verify();

		api.verify(1, postRequestedFor(urlEqualTo("/v1/tokens")));
	}

	@Test
	void createOfNullRequestFailsWithoutRequest() {
		StepVerifier.create(this.client.create(null)).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void requestFactoryRejectsBlankName() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> CreateTokenRequest.of("  ", Permission.READ))
			.withMessageContaining("tokenName");
	}

	@Test
	void requestFactoryRejectsNameLongerThan128Characters() {
		assertThatExceptionOfType(LagrelloException.class).isThrownBy(() -> CreateTokenRequest.of("x".repeat(129)))
			.withMessageContaining("128");
	}

	@Test
	void requestFactoryAcceptsNameOf128Characters() {
		assertThat(CreateTokenRequest.of("x".repeat(128)).tokenName()).hasSize(128);
	}

}
