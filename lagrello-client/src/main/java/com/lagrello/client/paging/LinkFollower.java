package com.lagrello.client.paging;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import com.lagrello.client.LagrelloPagingException;
import com.lagrello.client.TokenList;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One run of pages fetched one after the other by following the server's {@code next}
 * links, each link known once the page before it arrived. The links flow through a
 * {@code FluxSink} into {@code flatMapSequentialDelayError}, which fetches each and emits
 * the pages in order; a link is let into the sink by the drain's {@link DemandGate} only
 * once downstream demand goes beyond what the pages so far delivered. A link that must
 * not be followed (another origin, visited before, a page beyond the maximum) fails the
 * run when it is needed, after the pages before it, and is never requested.
 * <p>
 * When the run starts from a page-number link, its first page may end it with a
 * {@link #handover() hand-over}: the page number its {@code next} names, for a
 * {@link NumberedRun} to go on from.
 */
final class LinkFollower {

	// the page being emitted and the one in flight after it
	private static final int PAGES_AT_ONCE = 2;

	private final Drain drain;

	private final BiFunction<URI, PageTurn, Mono<TokenList>> fetch;

	// cleared once the first page arrived: only it may hand over
	private @Nullable PageNumber numberedFirst;

	// set on subscription, before the first link is let in
	private @Nullable FluxSink<URI> sink;

	private volatile @Nullable PageNumber handover;

	/**
	 * Creates a run of one drain.
	 * @param numberedFirst the first page as a page number, when numbered paging may take
	 * over after it, else {@code null}
	 */
	LinkFollower(Drain drain, BiFunction<URI, PageTurn, Mono<TokenList>> fetch, @Nullable PageNumber numberedFirst) {
		this.drain = drain;
		this.fetch = fetch;
		this.numberedFirst = numberedFirst;
	}

	/**
	 * Returns the pages from the given link on.
	 */
	Flux<TokenList> from(URI first) {
		return pages((sink) -> follow(first));
	}

	/**
	 * Returns the pages from a server's {@code next} link on, which is resolved and
	 * checked first.
	 */
	Flux<TokenList> fromServerLink(String next) {
		return pages((sink) -> resolveAndFollow(next));
	}

	/**
	 * The page number numbered paging goes on from, once this run completed because its
	 * first page linked to one; else {@code null}.
	 */
	@Nullable PageNumber handover() {
		return this.handover;
	}

	private Flux<TokenList> pages(Consumer<FluxSink<URI>> start) {
		// a FluxSink is serialized: a link may be let in on the thread of a page answer
		// or on the thread of a downstream request
		return Flux.<URI>create((sink) -> {
			this.sink = sink;
			start.accept(sink);
		}).flatMapSequentialDelayError(this::fetch, PAGES_AT_ONCE, 1);
	}

	private Mono<TokenList> fetch(URI link) {
		return this.fetch.apply(link, PageTurn.NOW).doOnEach((signal) -> {
			if (signal.isOnNext()) {
				arrived(signal.get());
			}
			else if (signal.isOnError()) {
				// a failed page is the last: the pages before it are still emitted
				sink().complete();
			}
		});
	}

	private void arrived(TokenList page) {
		this.drain.received(page);
		if (page.data().isEmpty() || !page.paging().hasNext()) {
			sink().complete();
			return;
		}
		PageNumber first = this.numberedFirst;
		this.numberedFirst = null;
		PageNumber named = (first != null && this.drain.remaining() > 0) ? this.drain.pageNumberOf(page.paging().next())
				: null;
		if (named != null && first.isFollowedBy(named)) {
			this.handover = named;
			sink().complete();
			return;
		}
		resolveAndFollow(page.paging().next());
	}

	private void resolveAndFollow(String next) {
		URI link;
		try {
			link = this.drain.resolve(next);
		}
		catch (LagrelloPagingException refused) {
			refuseWhenNeeded(refused);
			return;
		}
		follow(link);
	}

	private void follow(URI link) {
		try {
			this.drain.visit(link);
		}
		catch (LagrelloPagingException refused) {
			refuseWhenNeeded(refused);
			return;
		}
		this.drain.gate().whenDemanded(() -> sink().next(link));
	}

	private void refuseWhenNeeded(LagrelloPagingException refused) {
		this.drain.gate().whenDemanded(() -> sink().error(refused));
	}

	private FluxSink<URI> sink() {
		FluxSink<URI> sink = this.sink;
		if (sink == null) {
			throw new IllegalStateException("not subscribed");
		}
		return sink;
	}

}
