package com.lagrello.client.bulk;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.call.ReactorClock;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The call timeout of one blocking {@code deleteAll}, which is one call: listing and
 * deletes together. It ends when the time runs out, or at once when a {@code Retry-After}
 * would hold the batch back beyond it (waiting would be for nothing). What it bounds then
 * fails with a {@link LagrelloTimeoutException}: the listing, which fails the batch; a
 * delete in flight or held back, which is cancelled; a delete not started yet, which is
 * never sent. Time is Reactor's clock, so tests may make it virtual.
 */
final class DeleteAllDeadline {

	/**
	 * No deadline: the reactive {@code deleteAll}, whose calls are bounded one by one.
	 */
	static final DeleteAllDeadline NONE = new DeleteAllDeadline(null);

	private final @Nullable Duration callTimeout;

	// Reactor's clock, in nanoseconds
	private final long endsAt;

	// why the batch ended, once it has
	private final AtomicReference<@Nullable String> endedBecause = new AtomicReference<>();

	private final Sinks.One<String> ended = Sinks.one();

	private final @Nullable Disposable timer;

	private DeleteAllDeadline(@Nullable Duration callTimeout) {
		this.callTimeout = callTimeout;
		if (callTimeout == null) {
			this.endsAt = Long.MAX_VALUE;
			this.timer = null;
			return;
		}
		this.endsAt = ReactorClock.now() + callTimeout.toNanos();
		this.timer = Mono.delay(callTimeout).subscribe((tick) -> end("ran out before deleteAll was done"));
	}

	/**
	 * Starts the deadline of one batch now; {@link #close()} it when the batch is over.
	 * @param callTimeout the time the batch may take, or {@code null} for no deadline
	 */
	static DeleteAllDeadline start(@Nullable Duration callTimeout) {
		return (callTimeout != null) ? new DeleteAllDeadline(callTimeout) : NONE;
	}

	/**
	 * Returns the call, failing with a {@link LagrelloTimeoutException} without being
	 * subscribed when the batch has ended, and cancelled when it ends meanwhile.
	 */
	<T> Mono<T> bound(String operation, Mono<T> call) {
		Duration timeout = this.callTimeout;
		if (timeout == null) {
			return call;
		}
		return Mono.defer(() -> {
			String because = this.endedBecause.get();
			if (because != null) {
				return Mono.error(LagrelloTimeoutException.callTimeout(operation, timeout, because + "; not sent"));
			}
			return call.timeout(this.ended.asMono(), Mono.error(() -> LagrelloTimeoutException.callTimeout(operation,
					timeout, this.endedBecause.get() + "; cancelled while held back or in flight")));
		});
	}

	/**
	 * Returns the listener of the {@code Retry-After} hints the batch's deletes meet,
	 * which ends the batch at once when the hold would last beyond the deadline.
	 * @param holdBack what holds back the rest of the batch
	 */
	Consumer<Duration> holdingBack(Consumer<Duration> holdBack) {
		if (this.callTimeout == null) {
			return holdBack;
		}
		return (wait) -> {
			holdBack.accept(wait);
			Duration left = Duration.ofNanos(Math.max(this.endsAt - ReactorClock.now(), 0));
			if (wait.compareTo(left) > 0) {
				end("would run out before the end of a Retry-After of " + wait.toMillis()
						+ " ms that holds back the rest of deleteAll");
			}
		};
	}

	private void end(String because) {
		if (this.endedBecause.compareAndSet(null, because)) {
			this.ended.tryEmitValue(because);
		}
	}

	/**
	 * Stops the timer: the batch is over.
	 */
	void close() {
		if (this.timer != null) {
			this.timer.dispose();
		}
	}

}
