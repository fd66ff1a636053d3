package com.lagrello.client.paging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Holds back the next page request of one drain until downstream demand goes beyond what
 * the pages so far delivered: tokens for {@code listAll}, pages for {@code listPages}.
 * <p>
 * The one piece of paging that Reactor has no operator for: with an HTTP publisher,
 * subscribing is sending, so the request must wait for demand rather than for a
 * subscriber. Demand is counted as it is requested downstream, delivery as pages arrive;
 * the request waiting is started at most once, on whichever thread first sees both.
 */
final class DemandGate {

	private final AtomicLong requested = new AtomicLong();

	private final AtomicLong received = new AtomicLong();

	private final AtomicReference<Runnable> waiting = new AtomicReference<>();

	// told of every downstream request while set: numbered paging's source of pages
	private volatile @Nullable Runnable onRequest;

	/**
	 * Adds downstream demand, and starts the waiting request if it is now demanded.
	 */
	void request(long n) {
		this.requested.accumulateAndGet(n, (current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
		release();
		Runnable listener = this.onRequest;
		if (listener != null) {
			listener.run();
		}
	}

	/**
	 * Whether downstream wants more than the pages so far delivered.
	 */
	boolean isDemanded() {
		return this.requested.get() > this.received.get();
	}

	/**
	 * Sets what runs on every downstream request from now on, or {@code null} for
	 * nothing; it may run on any thread, also at once.
	 */
	void onEveryRequest(@Nullable Runnable listener) {
		this.onRequest = listener;
	}

	/**
	 * Counts what a page delivered; called before its successor may wait here.
	 */
	void received(long n) {
		this.received.addAndGet(n);
	}

	/**
	 * Runs the given request now if demand goes beyond what was delivered, or as soon as
	 * it does. One request waits at a time.
	 */
	void whenDemanded(Runnable start) {
		this.waiting.set(start);
		release();
	}

	private void release() {
		if (isDemanded()) {
			Runnable start = this.waiting.getAndSet(null);
			if (start != null) {
				start.run();
			}
		}
	}

}
