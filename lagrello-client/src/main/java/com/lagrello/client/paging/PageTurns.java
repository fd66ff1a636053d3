package com.lagrello.client.paging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The turns of the pages of one numbered run: a page's turn comes once every page before
 * it in the run has arrived and linked on to the page after it by number. Arrival, not
 * emission: a consumer that is slow to ask for more does not hold up the retry of a page
 * fetched ahead. Thread-safe: pages arrive and wait on any thread.
 */
final class PageTurns {

	// the arrivals are at most the concurrency (32) ahead of the first page not yet due
	private static final int WINDOW = Long.SIZE;

	// the last page due: every page before it arrived and linked on
	private volatile long due;

	// pages from due on that arrived and linked on, bit i for page due + i; under lock
	private long aheadArrived;

	// the pages fetched ahead that wait for their turn: few, and only after a failure
	private final Map<Long, Sinks.Empty<Void>> waiting = new ConcurrentHashMap<>();

	/**
	 * Creates the turns of a run whose first page is due at once.
	 * @param first the number of the run's first page
	 */
	PageTurns(long first) {
		this.due = first;
	}

	/**
	 * Completes once the given page's turn has come; never, if the pages before it end
	 * the run.
	 */
	Mono<Void> due(long page) {
		return Mono.defer(() -> {
			if (this.due >= page) {
				return Mono.empty();
			}
			Sinks.Empty<Void> turn = this.waiting.computeIfAbsent(page, (number) -> Sinks.empty());
			// the turn may have come while this page was put in the waiting room
			if (this.due >= page) {
				release(page);
			}
			return turn.asMono();
		});
	}

	/**
	 * Records that the given page arrived and links on to the page after it by number. A
	 * page that ends the run, or leaves the numbers, is not recorded: the pages after it
	 * never get their turn.
	 */
	void linkedOn(long page) {
		long upTo;
		synchronized (this) {
			long offset = page - this.due;
			if (offset < 0 || offset >= WINDOW) {
				// already due, or not fetched by this run
				return;
			}
			this.aheadArrived |= 1L << offset;
			long due = this.due;
			while ((this.aheadArrived & 1L) != 0) {
				this.aheadArrived >>>= 1;
				due++;
			}
			this.due = due;
			upTo = due;
		}
		if (!this.waiting.isEmpty()) {
			release(upTo);
		}
	}

	private void release(long upTo) {
		this.waiting.entrySet().removeIf((entry) -> {
			if (entry.getKey() <= upTo) {
				entry.getValue().tryEmitEmpty();
				return true;
			}
			return false;
		});
	}

}
