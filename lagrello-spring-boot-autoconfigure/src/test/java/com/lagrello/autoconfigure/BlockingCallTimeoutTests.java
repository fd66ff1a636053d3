package com.lagrello.autoconfigure;

import java.time.Duration;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured {@link BlockingTokensClient} waits at most
 * {@code lagrello.call-timeout}, also over an application's own {@link TokensClient}.
 */
class BlockingCallTimeoutTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
		.withBean(TokensClient.class, NeverAnsweringClient::new)
		.withPropertyValues("lagrello.call-timeout=200ms");

	@Test
	void aCallOnAnApplicationsOwnTokensClientIsBoundedByTheCallTimeoutProperty() {
		this.runner.run((context) -> assertThatExceptionOfType(LagrelloTimeoutException.class)
			.isThrownBy(() -> context.getBean(BlockingTokensClient.class).listPage(0, 1))
			.withMessageContaining("lagrello.call-timeout")
			.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200))));
	}

	@Test
	void aDeleteAllOnAnApplicationsOwnTokensClientIsBoundedByTheCallTimeoutProperty() {
		this.runner.run((context) -> assertThatExceptionOfType(LagrelloTimeoutException.class)
			.isThrownBy(() -> context.getBean(BlockingTokensClient.class).deleteAll((token) -> true))
			.withMessageContaining("lagrello.call-timeout")
			.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200))));
	}

	/** An application's own client, a test double say, that never answers. */
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
