package com.lagrello.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import reactor.core.publisher.Flux;

/**
 * Drains every token of a server, with {@link TokensClient#listAll(int)} or with the raw
 * sequential loop, timing it and checking the count.
 */
public final class Drains {

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private Drains() {
	}

	/**
	 * Drains with {@code listAll}, handing every token to the consumer.
	 * @param client the client
	 * @param pageSize the page size
	 * @param consumer what to do with every token, on the thread that emits it
	 * @param expectedTokens the tokens the server has
	 * @return the time taken in nanoseconds
	 */
	public static long listAll(TokensClient client, int pageSize, Consumer<Token> consumer, long expectedTokens) {
		return listAll(client.listAll(pageSize), consumer, expectedTokens);
	}

	/**
	 * Drains a flux of tokens, such as {@code listAll} with an operator added, handing
	 * every token to the consumer.
	 * @param tokens the tokens, subscribed to once
	 * @param consumer what to do with every token, on the thread that emits it
	 * @param expectedTokens the tokens the server has
	 * @return the time taken in nanoseconds
	 */
	public static long listAll(Flux<Token> tokens, Consumer<Token> consumer, long expectedTokens) {
		long start = System.nanoTime();
		Long count = tokens.doOnNext(consumer).count().block(TIMEOUT);
		long elapsed = System.nanoTime() - start;
		check("listAll", count, expectedTokens);
		return elapsed;
	}

	/**
	 * Drains with the raw sequential loop, handing every token to the consumer.
	 * @param raw the raw client
	 * @param firstPageUrl the first page's URL
	 * @param consumer what to do with every token, on the thread that decoded its page
	 * @param expectedTokens the tokens the server has
	 * @return the time taken in nanoseconds
	 */
	public static long rawLoop(RawTokensClient raw, String firstPageUrl, Consumer<Token> consumer,
			long expectedTokens) {
		long start = System.nanoTime();
		Long count;
		try {
			count = raw.drain(firstPageUrl, consumer).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the raw loop failed: " + ex, ex);
		}
		long elapsed = System.nanoTime() - start;
		check("raw loop", count, expectedTokens);
		return elapsed;
	}

	/**
	 * Spins for the given time, as a consumer doing some synchronous work would.
	 * @param nanos how long
	 */
	public static void busySpin(long nanos) {
		long end = System.nanoTime() + nanos;
		while (System.nanoTime() < end) {
			Thread.onSpinWait();
		}
	}

	private static void check(String what, Long count, long expected) {
		if (count == null || count != expected) {
			throw new IllegalStateException(what + " drained " + count + " tokens instead of " + expected);
		}
	}

}
