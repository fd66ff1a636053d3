package com.lagrello.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the bearer token comes from: asked before every request, so that a rotated secret
 * is used at once, and per derived client.
 */
class AccessTokenSourceTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private List<String> authorizations() {
		return api.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
			.map((request) -> request.getHeader("Authorization"))
			.toList();
	}

	@Test
	void aRotatedAccessTokenIsSentWithTheNextRequest() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		AtomicReference<String> secret = new AtomicReference<>("first-token-0123456789");
		TokensClient client = clients.add(TestClients.builder(api).accessToken(secret::get).build());

		StepVerifier.create(client.listPage(0, 1)).expectNextCount(1).verifyComplete();
		secret.set("rotated-token-0123456789");
		StepVerifier.create(client.listPage(0, 1)).expectNextCount(1).verifyComplete();

		assertThat(authorizations()).containsExactly("Bearer first-token-0123456789",
				"Bearer rotated-token-0123456789");
	}

	@Test
	void filtersNeitherFindTheTokenAmongTheHeadersNorReplaceItWithAHeader() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		List<String> seenByFilter = new CopyOnWriteArrayList<>();
		WebClient.Builder webClient = WebClient.builder().filter((request, next) -> {
			seenByFilter.add(String.valueOf(request.headers().getFirst(HttpHeaders.AUTHORIZATION)));
			return next
				.exchange(ClientRequest.from(request).header(HttpHeaders.AUTHORIZATION, "Bearer forged").build());
		});
		TokensClient client = clients.add(TestClients.builder(api).webClientBuilder(webClient).build());

		StepVerifier.create(client.listPage(0, 1)).expectNextCount(1).verifyComplete();

		assertThat(seenByFilter).containsExactly("null");
		assertThat(authorizations()).containsExactly("Bearer " + TestClients.ACCESS_TOKEN);
	}

	@Test
	void aBlankAccessTokenFromTheSupplierFailsTheCallWithoutSendingIt() {
		TokensClient client = clients.add(TestClients.builder(api).accessToken(() -> " ").build());

		StepVerifier.create(client.listPage(0, 1))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(LagrelloException.class).hasMessageContaining("blank"))
			.verify();

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void aMutatedClientSendsItsOwnTokenAndLeavesTheOriginalUnchanged() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		WebClientTokensClient tenantA = clients
			.add(TestClients.builder(api).accessToken("tenant-a-token-0123456789").build());
		WebClientTokensClient tenantB = tenantA.mutate().accessToken("tenant-b-token-0123456789").build();

		StepVerifier.create(tenantB.listPage(0, 1)).expectNextCount(1).verifyComplete();
		StepVerifier.create(tenantA.listPage(0, 1)).expectNextCount(1).verifyComplete();

		assertThat(authorizations()).containsExactly("Bearer tenant-b-token-0123456789",
				"Bearer tenant-a-token-0123456789");
		assertThat(tenantB.baseUrl()).isEqualTo(tenantA.baseUrl());
	}

	@Test
	void aClosedClientFailsItsCallsAndItsDerivedClientsSurviveOnlyWhileItIsOpen() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		WebClientTokensClient original = clients.add(TestClients.client(api));
		WebClientTokensClient derived = original.mutate().build();

		derived.close();
		StepVerifier.create(original.listPage(0, 1)).expectNextCount(1).verifyComplete();
		original.close();

		StepVerifier.create(original.listPage(0, 1))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(LagrelloException.class).hasMessageContaining("closed"))
			.verify();
	}

}
