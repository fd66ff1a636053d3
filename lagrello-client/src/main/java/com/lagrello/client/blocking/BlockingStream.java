package com.lagrello.client.blocking;

import java.time.Duration;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTimeoutException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The elements of a listing as a lazy {@link Stream}, one asked for ahead of the one
 * being taken (a page is fetched when its first token is taken), each wait for an element
 * bounded when a bound is given. {@code Flux.toStream} cannot wait with a timeout, so a
 * listing of an application's own client that never answers would block its caller for
 * ever. Waiting is the caller's: an interrupt cancels the listing and is thrown as a
 * {@link LagrelloException}, the interrupt flag set again; a wait that runs out cancels
 * it and throws a {@link LagrelloTimeoutException}. Closing the stream cancels the
 * listing.
 *
 * @param <T> the elements
 */
final class BlockingStream<T> extends BaseSubscriber<T> {

	// what the listing signalled: an element, or how it ended
	private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

	private final String operation;

	private final @Nullable Duration elementWait;

	private boolean ended;

	private BlockingStream(String operation, @Nullable Duration elementWait) {
		this.operation = operation;
		this.elementWait = elementWait;
	}

	/**
	 * Returns the elements as a stream, subscribed to at once.
	 * @param operation the operation named in failures
	 * @param elements the listing
	 * @param elementWait the longest wait for one element, or {@code null} when the
	 * listing bounds its calls itself
	 * @return the stream; close it when done early
	 */
	static <T> Stream<T> of(String operation, Flux<T> elements, @Nullable Duration elementWait) {
		BlockingStream<T> stream = new BlockingStream<>(operation, elementWait);
		elements.subscribe(stream);
		return StreamSupport.stream(new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {

			@Override
			public boolean tryAdvance(Consumer<? super T> action) {
				return stream.tryAdvance(action);
			}

		}, false).onClose(stream::dispose);
	}

	@Override
	protected void hookOnSubscribe(Subscription subscription) {
		subscription.request(1);
	}

	@Override
	protected void hookOnNext(T element) {
		this.signals.add(element);
	}

	@Override
	protected void hookOnComplete() {
		this.signals.add(Ended.COMPLETE);
	}

	@Override
	protected void hookOnError(Throwable failure) {
		this.signals.add(new Failed(failure));
	}

	@SuppressWarnings("unchecked")
	private boolean tryAdvance(Consumer<? super T> action) {
		if (this.ended) {
			return false;
		}
		Object signal = next();
		if (signal instanceof Failed failed) {
			this.ended = true;
			throw Exceptions.propagate(failed.failure());
		}
		if (signal == Ended.COMPLETE) {
			this.ended = true;
			return false;
		}
		request(1);
		action.accept((T) signal);
		return true;
	}

	private Object next() {
		Object signal;
		try {
			signal = (this.elementWait != null) ? this.signals.poll(this.elementWait.toNanos(), TimeUnit.NANOSECONDS)
					: this.signals.take();
		}
		catch (InterruptedException ex) {
			dispose();
			this.ended = true;
			throw BlockingCalls.interrupted(this.operation, ex);
		}
		if (signal == null) {
			dispose();
			this.ended = true;
			throw LagrelloTimeoutException.callTimeout(this.operation, this.elementWait,
					"ran out before the next element came");
		}
		return signal;
	}

	private enum Ended {

		COMPLETE

	}

	private record Failed(Throwable failure) {

	}

}
