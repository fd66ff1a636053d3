package com.lagrello.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link LagrelloClient} root on the wire: its {@code tokens()} is the Tokens API
 * client with the root's settings, a derived root sends its own token, and the root owns
 * what it built: closing it stops every call, of its derived roots too.
 */
class LagrelloClientTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private LagrelloClient root() {
		return LagrelloClient.builder()
			.baseUrl(api.baseUrl())
			.accessToken("root-token-0123456789")
			.retryPolicy(TestClients.FAST_RETRIES)
			.readTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Test
	void tokensSendsTheRootsTokenToTheRootsBaseUrl() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		try (LagrelloClient root = root()) {
			StepVerifier.create(root.tokens().listPage(0, 1)).expectNextCount(1).verifyComplete();
		}

		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getHeader("Authorization"))
				.isEqualTo("Bearer root-token-0123456789"));
	}

	@Test
	void aDerivedRootSendsItsOwnTokenAndClosingTheOriginalClosesBoth() {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null))));
		LagrelloClient original = root();
		LagrelloClient derived = original.mutate().accessToken("other-token-0123456789").build();

		StepVerifier.create(derived.tokens().listPage(0, 1)).expectNextCount(1).verifyComplete();
		derived.close();
		StepVerifier.create(original.tokens().listPage(0, 1)).expectNextCount(1).verifyComplete();
		original.close();

		StepVerifier.create(derived.tokens().listPage(0, 1))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOf(LagrelloException.class).hasMessageContaining("closed"))
			.verify();
		assertThat(api.getAllServeEvents()).extracting((event) -> event.getRequest().getHeader("Authorization"))
			.containsExactlyInAnyOrder("Bearer other-token-0123456789", "Bearer root-token-0123456789");
	}

	@Test
	void anInvalidSettingIsRefusedByTheOptionsCheck() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> LagrelloClient.builder().accessToken("token").pageSize(21).build())
			.satisfies((refused) -> assertThat(refused.argument()).isEqualTo("pageSize"))
			.withMessageContaining("must be from 1 to 20");
	}

	@Test
	void aBaseUrlWithCredentialsIsRefusedWithoutShowingThem() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> LagrelloClient.builder()
				.accessToken("token")
				.baseUrl("https://deploy:s3cret-4711@api.lagrello.com")
				.build())
			.satisfies((refused) -> assertThat(refused.argument()).isEqualTo("baseUrl"))
			.withMessageContaining("must not have user info")
			.withMessageNotContaining("s3cret-4711");
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> LagrelloClient.builder().accessToken("token").baseUrl("deploy:s3cret-4711@api").build())
			.withMessageNotContaining("s3cret-4711");
		// nothing secret in it: shown as written
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> LagrelloClient.builder().accessToken("token").baseUrl("localhost:8080").build())
			.withMessageEndingWith("but is localhost:8080");
	}

}
