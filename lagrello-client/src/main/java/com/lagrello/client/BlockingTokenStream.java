package com.lagrello.client;

import java.time.Duration;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The tokens of a listing as a lazy {@link Stream}, one token asked for ahead of the one
 * being taken (a page is fetched when its first token is taken), each wait for a token
 * bounded when a bound is given. Waiting is the caller's: an interrupt cancels the
 * listing and is thrown as a {@link LagrelloException}, the interrupt flag set again; a
 * wait that runs out cancels it and throws a {@link LagrelloTimeoutException}. Closing
 * the stream cancels the listing.
 */
final class BlockingTokenStream extends BaseSubscriber<Token> {

	// what the listing signalled: a token, or how it ended
	private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

	private final String operation;

	private final @Nullable Duration callTimeout;

	private boolean ended;

	private BlockingTokenStream(String operation, @Nullable Duration callTimeout) {
		this.operation = operation;
		this.callTimeout = callTimeout;
	}

	/**
	 * Returns the tokens as a stream, subscribed to at once.
	 * @param operation the operation named in failures
	 * @param tokens the listing
	 * @param callTimeout the longest wait for one token, or {@code null} when the listing
	 * bounds its calls itself
	 * @return the stream; close it when done early
	 */
	static Stream<Token> of(String operation, Flux<Token> tokens, @Nullable Duration callTimeout) {
		BlockingTokenStream stream = new BlockingTokenStream(operation, callTimeout);
		tokens.subscribe(stream);
		return StreamSupport.stream(new Spliterators.AbstractSpliterator<Token>(Long.MAX_VALUE, Spliterator.ORDERED) {

			@Override
			public boolean tryAdvance(Consumer<? super Token> action) {
				return stream.tryAdvance(action);
			}

		}, false).onClose(stream::dispose);
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		subscription.request(1);
	}

	@Override
	protected void hookOnNext(Token token) {
		this.signals.add(token);
	}

	@Override
	protected void hookOnComplete() {
		this.signals.add(Ended.COMPLETE);
	}

	@Override
	protected void hookOnError(Throwable failure) {
		this.signals.add(new Failed(failure));
	}

	private boolean tryAdvance(Consumer<? super Token> action) {
		if (this.ended) {
			return false;
		}
		Object signal = next();
		if (signal instanceof Token token) {
			request(1);
			action.accept(token);
			return true;
		}
		this.ended = true;
		if (signal instanceof Failed failed) {
			throw Exceptions.propagate(failed.failure());
		}
		return false;
	}

	private Object next() {
		Object signal;
		try {
			signal = (this.callTimeout != null) ? this.signals.poll(this.callTimeout.toNanos(), TimeUnit.NANOSECONDS)
					: this.signals.take();
		}
		catch (InterruptedException ex) {
			dispose();
			this.ended = true;
			throw BlockingTokensClientAdapter.interrupted(this.operation, ex);
		}
		if (signal == null) {
			dispose();
			this.ended = true;
			throw LagrelloTimeoutException.callTimeout(this.operation, this.callTimeout,
					"ran out before the next token came");
		}
		return signal;
	}

	private enum Ended {

		COMPLETE

	}

	private record Failed(Throwable failure) {

	}

}
