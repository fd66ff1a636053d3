package com.lagrello.client.blocking;

import java.time.Duration;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTimeoutException;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one place of the library that blocks, for the blocking face of any reactive client
 * of it: it refuses to start on a non-blocking thread (naming the reactive client to use
 * there) or an interrupted one, bounds every wait by the call timeout (by a timer of its
 * own unless the reactive client bounds its calls itself), and turns an interrupt of the
 * waiting thread into a {@link LagrelloException} that cancels the call, the thread's
 * interrupt flag kept. It knows no API area.
 */
final class BlockingCalls {

	private final String blockingType;

	private final String reactiveType;

	private final Duration callTimeout;

	private final boolean boundedByClient;

	/**
	 * Creates the waits of one blocking client.
	 * @param blockingType the blocking client's interface, for messages
	 * @param reactiveType the reactive client to use on non-blocking threads, for
	 * messages
	 * @param callTimeout the longest time one call may take
	 * @param boundedByClient whether the reactive client bounds every call (and a
	 * {@code deleteAll} as a whole) by the call timeout itself, and fails it so when the
	 * time runs out: the library's own client does; then a wait adds no timer, a second
	 * one per call that would only cost its callers (docs/performance.md, "Sign-in")
	 */
	BlockingCalls(String blockingType, String reactiveType, Duration callTimeout, boolean boundedByClient) {
		this.blockingType = blockingType;
		this.reactiveType = reactiveType;
		this.callTimeout = callTimeout;
		this.boundedByClient = boundedByClient;
	}

	/**
	 * Waits for a call's result, at most the call timeout.
	 */
	<T> T await(String operation, Supplier<Mono<T>> call) {
		refuseToStart(operation);
		try {
			return bounded(operation, call.get()).block();
		}
		catch (RuntimeException ex) {
			throw interruptedOrItself(operation, ex);
		}
	}

	/**
	 * The call bounded by the call timeout: by the client itself, or by a timer here.
	 */
	private <T> Mono<T> bounded(String operation, Mono<T> call) {
		if (this.boundedByClient) {
			return call;
		}
		return call.timeout(this.callTimeout, Mono.error(() -> LagrelloTimeoutException.callTimeout(operation,
				this.callTimeout, "ran out before the answer came")));
	}

	/**
	 * Streams a call's elements, one asked for at a time, as the stream is read; each
	 * wait for the next bounded by the call timeout when the reactive client does not
	 * bound its calls itself (a wait may span several empty pages of one that does).
	 */
	<T> Stream<T> stream(String operation, Supplier<Flux<T>> elements) {
		refuseToStart(operation);
		return BlockingStream.of(operation, elements.get(), this.boundedByClient ? null : this.callTimeout);
	}

	/**
	 * Refuses a call that could not wait: on a non-blocking thread, or an interrupted
	 * one, whose call would be cancelled as it starts.
	 */
	private void refuseToStart(String operation) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new LagrelloException(operation + " was not sent: " + this.blockingType
					+ " was called on the non-blocking thread " + Thread.currentThread().getName()
					+ ", which must never wait; use " + this.reactiveType + " there");
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
