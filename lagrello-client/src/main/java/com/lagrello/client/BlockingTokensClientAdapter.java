package com.lagrello.client;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link BlockingTokensClient} as a thin face over a {@link TokensClient}: the one place
 * of the library that blocks. Every wait is bounded by the call timeout, also for an
 * implementation of {@code TokensClient} other than the library's own.
 */
final class BlockingTokensClientAdapter implements BlockingTokensClient {

	private final TokensClient client;

	private final Duration callTimeout;

	BlockingTokensClientAdapter(TokensClient client, Duration callTimeout) {
		this.client = client;
		this.callTimeout = callTimeout;
	}

	@Override
	public Token create(CreateTokenRequest request) {
		return await("tokens/create", this.client.create(request));
	}

	@Override
	public TokenList listPage(int page, int size) {
		return await("tokens/list", this.client.listPage(page, size));
	}

	@Override
	public Stream<Token> listAll() {
		refuseOnNonBlockingThread("tokens/list");
		// one token asked for at a time: a page is fetched when its first token is taken
		return this.client.listAll().toStream(1);
	}

	@Override
	public Stream<Token> listAll(int pageSize) {
		refuseOnNonBlockingThread("tokens/list");
		return this.client.listAll(pageSize).toStream(1);
	}

	@Override
	public void delete(String tokenId) {
		await("tokens/delete", this.client.delete(tokenId));
	}

	@Override
	public DeleteAllResult deleteAll(Predicate<? super Token> filter) {
		refuseOnNonBlockingThread("tokens/delete");
		// many calls: bounded by each of them, not by one call timeout
		return this.client.deleteAll(filter).block();
	}

	private <T> T await(String operation, Mono<T> call) {
		refuseOnNonBlockingThread(operation);
		// a safety net for clients that do not bound their calls: a second later than
		// the client's own call timeout, so that this one fails (and is observed) as such
		return call
			.timeout(this.callTimeout.plus(SAFETY_MARGIN), Mono
				.error(() -> new LagrelloTimeoutException(operation, this.callTimeout, "lagrello.call-timeout", null)))
			.block();
	}

	private static final Duration SAFETY_MARGIN = Duration.ofSeconds(1);

	private static void refuseOnNonBlockingThread(String operation) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new LagrelloException(
					operation + " was not sent: BlockingTokensClient was called on the" + " non-blocking thread "
							+ Thread.currentThread().getName() + ", which must never wait; use TokensClient there");
		}
	}

}
