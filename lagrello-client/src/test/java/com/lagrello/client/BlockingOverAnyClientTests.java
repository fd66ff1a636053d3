package com.lagrello.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TokensClient#blocking(Duration)} over an application's own implementation of
 * {@link TokensClient}: every call, {@code deleteAll} as a whole, waits at most the given
 * call timeout.
 */
class BlockingOverAnyClientTests {

	private final BlockingTokensClient client = new NeverAnsweringClient().blocking(Duration.ofMillis(200));

	@Test
	void aCallThatNeverAnswersFailsWithTheCallTimeout() {
		assertThatExceptionOfType(LagrelloTimeoutException.class).isThrownBy(() -> this.client.listPage(0, 1))
			.withMessageContaining("lagrello.call-timeout")
			.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200)));
	}

	@Test
	void aDeleteAllThatNeverEndsFailsWithTheCallTimeout() {
		assertThatExceptionOfType(LagrelloTimeoutException.class)
			.isThrownBy(() -> this.client.deleteAll((token) -> true))
			.withMessageContaining("lagrello.call-timeout")
			.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200)));
	}

	@Test
	void anInvalidCallTimeoutIsRefused() {
		NeverAnsweringClient never = new NeverAnsweringClient();
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> never.blocking(Duration.ZERO))
			.withMessageContaining("call timeout must be positive");
		try (WebClientTokensClient own = TokensClient.builder().accessToken(TestClients.ACCESS_TOKEN).build()) {
			assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
				.isThrownBy(() -> own.blocking(Duration.ofDays(2)))
				.withMessageContaining("call timeout must be positive");
		}
	}

	/** An application's own client that never answers. */
	static final class NeverAnsweringClient implements TokensClient {

		@Override
		public Mono<Token> create(CreateTokenRequest request) {
			return Mono.never();
		}

		@Override
		public Mono<TokenList> listPage(int page, int size) {
			return Mono.never();
		}

		@Override
		public Flux<Token> listAll() {
			return Flux.never();
		}

		@Override
		public Flux<Token> listAll(int pageSize) {
			return Flux.never();
		}

		@Override
		public Mono<Void> delete(String tokenId) {
			return Mono.never();
		}

	}

}
