package com.lagrello.client.paging;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.lagrello.client.TokenList;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One run of pages fetched by number, up to the concurrency at once, emitted in order,
 * each page's {@code next} checked against the page fetched after it. A page number is
 * let go only while it is asked for, downstream wants more than the pages so far
 * delivered and no page waits out a {@code Retry-After}; the pages in flight are not
 * counted as had, so up to the concurrency may be fetched ahead. At the first page
 * without data or without {@code next}, or whose {@code next} is not the following page
 * number, the run ends, drops the pages fetched ahead and cancels those in flight; the
 * server's link it did not follow is its {@link #leftover() left-over}, for a
 * {@link LinkFollower} to go on from.
 * <p>
 * A page fetched ahead whose attempt failed waits for its {@link PageTurns turn} before
 * it is retried or its failure reported, so a page beyond the end costs one request and
 * no failed call. Number offers come from page answers, downstream requests and ended
 * holds, on any thread and re-entrantly: one loop runs at a time and picks up what the
 * others asked for.
 */
final class NumberedRun {

	private final Drain drain;

	private final BiFunction<URI, PageTurn, Mono<TokenList>> fetch;

	private final int concurrency;

	private final PageNumber from;

	private final int limit;

	private final PageTurns turns;

	private final AtomicInteger offering = new AtomicInteger();

	// page numbers asked for and not yet let go: not the sink's own count, which lags
	// while another thread drains it, so that nothing piles up in its buffer
	private final AtomicLong asked = new AtomicLong();

	// pages whose call waits out a Retry-After: none starts while there are any
	private final AtomicInteger holding = new AtomicInteger();

	// written by one offer loop at a time
	private int launched;

	// set on subscription, before any offer
	private @Nullable FluxSink<PageNumber> sink;

	// the server's next link where the run stopped without an end
	private volatile @Nullable String leftover;

	/**
	 * Creates the run of one drain from the given page on, within what is left of the
	 * drain's maximum of pages.
	 */
	NumberedRun(Drain drain, BiFunction<URI, PageTurn, Mono<TokenList>> fetch, int concurrency, PageNumber from) {
		this.drain = drain;
		this.fetch = fetch;
		this.concurrency = concurrency;
		this.from = from;
		this.limit = drain.remaining();
		this.turns = new PageTurns(from.page());
	}

	/**
	 * The server's {@code next} link where the run stopped without reaching the end, once
	 * it completed; else {@code null}.
	 */
	@Nullable String leftover() {
		return this.leftover;
	}

	/**
	 * Returns the pages of the run.
	 */
	Flux<TokenList> pages() {
		DemandGate gate = this.drain.gate();
		return Flux.<PageNumber>create((sink) -> {
			this.sink = sink;
			gate.onEveryRequest(this::offer);
			sink.onRequest(this::asked);
			sink.onDispose(() -> gate.onEveryRequest(null));
		}).flatMapSequential(this::fetch, this.concurrency, 1).<TokenList>handle((numbered, sink) -> {
			if (numbered.failure() != null) {
				sink.error(numbered.failure());
				return;
			}
			TokenList page = numbered.answer();
			this.drain.visit(numbered.page());
			this.drain.received(page);
			sink.next(page);
			// where numbered paging stops (the maximum of pages, say), the link that was
			// not followed
			this.leftover = (page.data().isEmpty() || !page.paging().hasNext()) ? null : page.paging().next();
			if (!numbered.linksOn()) {
				// the end, or a link that leaves the numbers: drops the pages fetched
				// ahead, cancels those in flight
				sink.complete();
			}
		});
	}

	private void asked(long n) {
		this.asked.accumulateAndGet(n, (current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
		offer();
	}

	private void offer() {
		FluxSink<PageNumber> sink = this.sink;
		if (sink == null || this.offering.getAndIncrement() != 0) {
			return;
		}
		do {
			while (!sink.isCancelled() && this.asked.get() > 0 && this.holding.get() == 0
					&& this.drain.gate().isDemanded()) {
				if (this.launched >= this.limit) {
					sink.complete();
					break;
				}
				this.asked.decrementAndGet();
				sink.next(this.from.plus(this.launched++));
			}
		}
		while (this.offering.decrementAndGet() != 0);
	}

	/**
	 * Fetches a page at its turn; a {@code Retry-After} it meets holds back the pages not
	 * yet started until its call has ended.
	 */
	private Mono<Numbered> fetch(PageNumber page) {
		AtomicBoolean holds = new AtomicBoolean();
		Consumer<Duration> onRetryAfter = (wait) -> {
			if (holds.compareAndSet(false, true)) {
				this.holding.incrementAndGet();
			}
		};
		return this.fetch.apply(page.link(), new PageTurn(onRetryAfter, this.turns.due(page.page()))).map((answer) -> {
			boolean linksOn = !answer.data().isEmpty() && answer.paging().hasNext()
					&& page.next().equals(this.drain.pageNumberOf(answer.paging().next()));
			if (linksOn) {
				this.turns.linkedOn(page.page());
			}
			return new Numbered(page, answer, linksOn, null);
		}).onErrorResume((failure) -> Mono.just(new Numbered(page, null, false, failure))).doFinally((signal) -> {
			if (holds.compareAndSet(true, false) && this.holding.decrementAndGet() == 0) {
				offer();
			}
		});
	}

	/**
	 * A page fetched by number: its answer and whether it links on to the page after it
	 * by number, or why there is none.
	 */
	private record Numbered(PageNumber page, @Nullable TokenList answer, boolean linksOn, @Nullable Throwable failure) {

	}

}
