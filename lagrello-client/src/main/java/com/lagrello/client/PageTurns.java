package com.lagrello.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The turns of the pages of one numbered run: how far, by page number, the drain has gone
 * on, every page before having arrived. Thread-safe: pages wait on any thread, the drain
 * goes on on the thread that emits its pages.
 */
final class PageTurns {

	// the page the drain has gone on to; written by one thread at a time
	private volatile long reached;

	// the pages fetched ahead that wait for their turn: few, and only after a failure
	private final Map<Long, Sinks.Empty<Void>> waiting = new ConcurrentHashMap<>();

	/**
	 * Creates the turns of a run whose first page is due at once.
	 * @param first the number of the run's first page
	 */
	PageTurns(long first) {
		this.reached = first;
	}

	/**
	 * Completes once the drain has gone on to the given page; never, if it stops before.
	 */
	Mono<Void> due(long page) {
		return Mono.defer(() -> {
			if (this.reached >= page) {
				return Mono.empty();
			}
			Sinks.Empty<Void> turn = this.waiting.computeIfAbsent(page, (number) -> Sinks.empty());
			// the drain may have gone on while this page was put in the waiting room
			if (this.reached >= page) {
				release(page);
			}
			return turn.asMono();
		});
	}

	/**
	 * Records that every page before the given one has arrived and the drain goes on to
	 * it: the pages up to it that wait for their turn go on.
	 */
	void reach(long page) {
		this.reached = page;
		if (!this.waiting.isEmpty()) {
			release(page);
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
