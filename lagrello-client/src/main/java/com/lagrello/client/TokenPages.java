package com.lagrello.client;

import java.net.URI;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Pages through the tokens by following {@code paging.next}, composed from Reactor
 * operators in the shape of Azure core's {@code ContinuablePagedFluxCore}:
 * {@code Flux.defer} gives every subscription its own state, and each page, as it
 * arrives, yields the link to the next.
 * <p>
 * The links flow through a {@code FluxSink} into {@code flatMapSequentialDelayError},
 * which fetches each and emits the pages in order. A link is let into the sink by the
 * {@link DemandGate} only once downstream demand goes beyond what the pages so far
 * delivered, so nothing is sent ahead of demand: {@code take(n)} within the first page
 * sends one request, while an unbounded subscriber has the next page in flight as soon as
 * the previous one arrives, before its tokens are emitted. A link that must not be
 * followed fails the stream when it is needed, after the pages before it, and is never
 * requested: one to another origin, one visited before, or a page beyond the maximum.
 * Cancelling reaches the request in flight.
 */
final class TokenPages {

	// the page being emitted and the one in flight after it
	private static final int PAGES_AT_ONCE = 2;

	private final PageLinks links;

	private final int maxPages;

	private final Function<URI, Mono<TokenList>> fetch;

	TokenPages(PageLinks links, int maxPages, Function<URI, Mono<TokenList>> fetch) {
		this.links = links;
		this.maxPages = maxPages;
		this.fetch = fetch;
	}

	/**
	 * Returns every page from the given one on, with demand counted in pages.
	 */
	Flux<TokenList> pagesFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain((page) -> 1);
			return drain.pages(first).doOnRequest(drain.gate::request);
		});
	}

	/**
	 * Returns every token of the pages from the given one on, with demand counted in
	 * tokens. A failure is signalled after the tokens that arrived before it.
	 */
	Flux<Token> tokensFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain((page) -> page.data().size());
			return drain.pages(first)
				.concatMapDelayError((page) -> Flux.fromIterable(page.data()), true, 0)
				.doOnRequest(drain.gate::request);
		});
	}

	/**
	 * The state of one subscription. Its pages are fetched one after the other, each link
	 * known only once the page before it arrived, so the links visited need no lock.
	 */
	private final class Drain {

		private final DemandGate gate = new DemandGate();

		private final VisitedLinks visited = new VisitedLinks(TokenPages.this.maxPages);

		private final ToLongFunction<TokenList> delivered;

		// set on subscription, before the first link is let in
		private FluxSink<URI> links;

		Drain(ToLongFunction<TokenList> delivered) {
			this.delivered = delivered;
		}

		Flux<TokenList> pages(URI first) {
			// a FluxSink is serialized: a link may be let in on the thread of a page
			// answer
			// or on the thread of a downstream request
			return Flux.<URI>create((sink) -> {
				this.links = sink;
				follow(first);
			})
				.flatMapSequentialDelayError((link) -> TokenPages.this.fetch.apply(link)
					.doOnNext(this::arrived)
					// a failed page is the last: the pages before it are still emitted
					.doOnError((failure) -> this.links.complete()), PAGES_AT_ONCE, 1);
		}

		private void arrived(TokenList page) {
			this.gate.received(this.delivered.applyAsLong(page));
			if (page.data().isEmpty() || !page.paging().hasNext()) {
				this.links.complete();
				return;
			}
			URI next;
			try {
				next = TokenPages.this.links.resolve(page.paging().next());
			}
			catch (LagrelloPagingException refused) {
				refuseWhenNeeded(refused);
				return;
			}
			follow(next);
		}

		private void follow(URI link) {
			try {
				this.visited.visit(link);
			}
			catch (LagrelloPagingException refused) {
				refuseWhenNeeded(refused);
				return;
			}
			this.gate.whenDemanded(() -> this.links.next(link));
		}

		private void refuseWhenNeeded(LagrelloPagingException refused) {
			this.gate.whenDemanded(() -> this.links.error(refused));
		}

	}

}
