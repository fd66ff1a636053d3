package com.lagrello.client.call;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * How the calls of one batch (the deletes of a {@code deleteAll}, the pages of a numbered
 * run) keep in step: each call tells the batch of every {@code Retry-After} it will wait
 * for, so that the batch holds back its other calls, and waits for its turn before each
 * retry and before it fails. Not a rule of any operation: it travels in the Reactor
 * context of the batch's calls, where the retry finds it.
 *
 * @param onRetryAfter told of each {@code Retry-After} the call will wait for
 * @param due completes once the call's turn has come; retries and the failure wait for it
 */
public record CallCoordination(Consumer<Duration> onRetryAfter, Mono<Void> due) {

	/** A call on its own. */
	public static final CallCoordination NONE = new CallCoordination((wait) -> {
	}, Mono.empty());

	private static final String KEY = CallCoordination.class.getName();

	/**
	 * Returns the coordination a call finds in its context, {@link #NONE} if it is on its
	 * own.
	 */
	public static CallCoordination of(ContextView context) {
		return context.getOrDefault(KEY, NONE);
	}

	/**
	 * Puts this coordination in the context of the calls it coordinates.
	 */
	public Context into(Context context) {
		return context.put(KEY, this);
	}

}
