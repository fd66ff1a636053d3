package com.lagrello.client;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link BlockingTokensClient} as a thin face over a {@link TokensClient}: the one place
 * of the library that blocks. Every wait is bounded by the call timeout, also for an
 * implementation of {@code TokensClient} other than the library's own, and
 * {@code deleteAll} as a whole. An interrupt of the waiting thread cancels the call and
 * is thrown as a {@link LagrelloException}, the thread's interrupt flag kept.
 */
final class BlockingTokensClientAdapter implements BlockingTokensClient {

	// the library's own client bounds each call itself, and fails first (and is observed
	// so): this adapter's timer is only a safety net, that much later
	private static final Duration SAFETY_MARGIN = Duration.ofSeconds(1);

	private final TokensClient client;

	private final Duration callTimeout;

	private final Duration margin;

	// the longest wait for the next token of a listing, when the client does not bound
	// its pages itself
	private final @Nullable Duration tokenWait;

	private final Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll;

	private BlockingTokensClientAdapter(TokensClient client, Duration callTimeout, Duration margin,
			@Nullable Duration tokenWait, Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll) {
		this.client = client;
		this.callTimeout = callTimeout;
		this.margin = margin;
		this.tokenWait = tokenWait;
		this.deleteAll = deleteAll;
	}

	/**
	 * The blocking face of any implementation of {@code TokensClient}: each call, and
	 * {@code deleteAll} as a whole, is bounded by the adapter's own timer, and so is each
	 * wait for the next token of a listing.
	 */
	static BlockingTokensClientAdapter overAnyClient(TokensClient client, Duration callTimeout) {
		TokensClientBuilder.checkCallTimeout(callTimeout);
		return new BlockingTokensClientAdapter(client, callTimeout, Duration.ZERO, callTimeout, client::deleteAll);
	}

	/**
	 * The blocking face of the library's own client, which bounds each call by the same
	 * call timeout itself, each page of a listing too (a wait for the next token may span
	 * several pages, when some are empty).
	 * @param deleteAll the client's {@code deleteAll} bounded as a whole by the call
	 * timeout, which tells what it deleted before the time ran out
	 */
	static BlockingTokensClientAdapter overOwnClient(TokensClient client, Duration callTimeout,
			Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll) {
		return new BlockingTokensClientAdapter(client, callTimeout, SAFETY_MARGIN, null, deleteAll);
	}

	@Override
	public Token create(CreateTokenRequest request) {
		return await("tokens/create", () -> this.client.create(request));
	}

	@Override
	public TokenList listPage(int page, int size) {
		return await("tokens/list", () -> this.client.listPage(page, size));
	}

	@Override
	public Stream<Token> listAll() {
		return stream("tokens/list", this.client::listAll);
	}

	@Override
	public Stream<Token> listAll(int pageSize) {
		return stream("tokens/list", () -> this.client.listAll(pageSize));
	}

	@Override
	public void delete(String tokenId) {
		await("tokens/delete", () -> this.client.delete(tokenId));
	}

	@Override
	public DeleteAllResult deleteAll(Predicate<? super Token> filter) {
		return await("tokens/delete", () -> this.deleteAll.apply(filter));
	}

	private <T> T await(String operation, Supplier<Mono<T>> call) {
		refuseToStart(operation);
		try {
			return call.get()
				.timeout(this.callTimeout.plus(this.margin),
						Mono.error(() -> LagrelloTimeoutException.callTimeout(operation, this.callTimeout,
								"ran out before the answer came")))
				.block();
		}
		catch (RuntimeException ex) {
			throw interruptedOrItself(operation, ex);
		}
	}

	private Stream<Token> stream(String operation, Supplier<Flux<Token>> tokens) {
		refuseToStart(operation);
		return BlockingTokenStream.of(operation, tokens.get(), this.tokenWait);
	}

	/**
	 * Refuses a call that could not wait: on a non-blocking thread, or an interrupted
	 * one, whose call would be cancelled as it starts.
	 */
	private static void refuseToStart(String operation) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new LagrelloException(
					operation + " was not sent: BlockingTokensClient was called on the" + " non-blocking thread "
							+ Thread.currentThread().getName() + ", which must never wait; use TokensClient there");
		}
		if (Thread.currentThread().isInterrupted()) {
			throw new LagrelloException(operation + " was not sent: the calling thread "
					+ Thread.currentThread().getName() + " is interrupted",
					new InterruptedException("interrupted before the call"));
		}
	}

	/**
	 * Turns Reactor's wrapper of an interrupt while blocked into a
	 * {@link LagrelloException}; the call was cancelled by then. The interrupt flag,
	 * which the wait cleared, is set again, for the caller's own code to see it.
	 */
	private static RuntimeException interruptedOrItself(String operation, RuntimeException failure) {
		if (Exceptions.unwrap(failure) instanceof InterruptedException interrupted) {
			return interrupted(operation, interrupted);
		}
		return failure;
	}

	/**
	 * The failure of a call whose wait was interrupted, once it is cancelled; sets the
	 * interrupt flag again.
	 */
	static LagrelloException interrupted(String operation, InterruptedException interrupted) {
		Thread.currentThread().interrupt();
		return new LagrelloException(operation
				+ " was interrupted while waiting for the answer: the call is cancelled and nothing more is sent",
				interrupted);
	}

}
