package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream of {@link BlockingTokensClient#listAll()} over an application's own
 * {@link TokensClient}: waiting for the next token is bounded by the call timeout, like
 * every other blocking call.
 */
class BlockingStreamOverAnyClientTests {

	@Test
	void aListingThatNeverAnswersFailsWithTheCallTimeout() {
		BlockingTokensClient client = new BlockingOverAnyClientTests.NeverAnsweringClient()
			.blocking(Duration.ofMillis(200));

		CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
			try (Stream<Token> tokens = client.listAll()) {
				tokens.findFirst();
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});

		// a bound for the test only: the call timeout is 200 ms
		assertThat(waiting).succeedsWithin(Duration.ofSeconds(20))
			.isInstanceOf(LagrelloTimeoutException.class)
			.satisfies((timeout) -> assertThat(((LagrelloTimeoutException) timeout).timeout())
				.isEqualTo(Duration.ofMillis(200)));
	}

}
