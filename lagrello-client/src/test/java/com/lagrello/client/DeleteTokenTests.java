package com.lagrello.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokensClient#delete} on the wire.
 */
class DeleteTokenTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final TokensClient client = clients.add(TestClients.client(api));

	@Test
	void deleteSendsDeleteToTheTokensPathWithBearerToken() {
		api.stubFor(delete("/v1/tokens/ffd12fb4-da5b-4751-a9f6-d3214b418139").willReturn(aResponse().withStatus(204)));

		StepVerifier.create(this.client.delete("ffd12fb4-da5b-4751-a9f6-d3214b418139")).verifyComplete();

		api.verify(deleteRequestedFor(urlEqualTo("/v1/tokens/ffd12fb4-da5b-4751-a9f6-d3214b418139"))
			.withHeader("Authorization", equalTo("Bearer " + TestClients.ACCESS_TOKEN))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void deleteEncodesTheIdAsOnePathSegment() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

		StepVerifier.create(this.client.delete("../users/x?y=1#z")).verifyComplete();

		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl())
				.isEqualTo("/v1/tokens/..%2Fusers%2Fx%3Fy%3D1%23z"));
	}

	@Test
	void deleteOfUnknownTokenFailsWithTheApiError() {
		api.stubFor(delete("/v1/tokens/missing").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(ApiExamples.NOT_FOUND)));

		StepVerifier.create(this.client.delete("missing"))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(404);
						assertThat(api.errorType()).isEqualTo("NOT_FOUND");
						assertThat(api.getMessage()).contains("tokens/delete", "404", "token could not be found");
					}))
			.verify();
	}

	@Test
	void deleteWithBlankIdFailsWithoutRequest() {
		StepVerifier.create(this.client.delete(" ")).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void deleteWithDotSegmentIdFailsWithoutRequest() {
		StepVerifier.create(this.client.delete("..")).expectError(LagrelloInvalidArgumentException.class).verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void deleteWithALoneSurrogateInTheIdFailsWithoutRequest() {
		// UTF-8 cannot carry half a pair: it would be sent as "?", naming another token
		StepVerifier.create(this.client.delete("k-\uD83D"))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloInvalidArgumentException.class)
				.extracting((refused) -> ((LagrelloInvalidArgumentException) refused).argument())
				.isEqualTo("tokenId"))
			.verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
