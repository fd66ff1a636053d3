package com.lagrello.client.paging;

import java.net.URI;
import java.util.function.BiFunction;

import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pages through the tokens: every subscription gets its own {@link Drain} (its demand,
 * the links it visited), and its pages come from two kinds of run chained one after the
 * other. A {@link LinkFollower} follows the server's {@code next} links one page at a
 * time, nothing sent ahead of demand: {@code take(n)} within the first page sends one
 * request, while an unbounded subscriber has the next page in flight as soon as the
 * previous one arrives. With a concurrency above 1, when the first page's {@code next} is
 * the client's own link to a later page number (page 1 of an API that counts from 0, page
 * 2 of one that counts from 1), a {@link NumberedRun} goes on from that number, up to
 * that many pages at once; where the server's links stop being the numbered ones, a link
 * follower goes on from the server's link. A refused link (another origin, a cycle, a
 * page beyond the maximum) fails the stream after the pages before it and is never
 * requested; cancelling reaches the requests in flight.
 */
public final class TokenPages {

	private final PageLinks links;

	private final int maxPages;

	private final int paginationConcurrency;

	private final URI tokens;

	private final BiFunction<URI, PageTurn, Mono<TokenList>> fetch;

	/**
	 * Creates the paging of a client.
	 * @param links resolves and checks the server's links
	 * @param maxPages the most pages one drain follows
	 * @param paginationConcurrency the most pages in flight at once, 1 for one after the
	 * other
	 * @param tokens the listing's URL, for page-number links
	 * @param fetch fetches one page, its retries included, keeping to the page's turn
	 */
	public TokenPages(PageLinks links, int maxPages, int paginationConcurrency, URI tokens,
			BiFunction<URI, PageTurn, Mono<TokenList>> fetch) {
		this.links = links;
		this.maxPages = maxPages;
		this.paginationConcurrency = paginationConcurrency;
		this.tokens = tokens;
		this.fetch = fetch;
	}

	/**
	 * Returns every page from the given one on, with demand counted in pages.
	 * @param first the first page's link, resolved and checked
	 * @return the pages
	 */
	public Flux<TokenList> pagesFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain(this.links, this.tokens, this.maxPages, (page) -> 1);
			return pages(drain, first).doOnRequest(drain.gate()::request);
		});
	}

	/**
	 * Returns every token of the pages from the given one on, with demand counted in
	 * tokens. A failure is signalled after the tokens that arrived before it.
	 * @param first the first page's link, resolved and checked
	 * @return the tokens
	 */
	public Flux<Token> tokensFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain(this.links, this.tokens, this.maxPages, (page) -> page.data().size());
			return pages(drain, first).concatMapDelayError((page) -> Flux.fromIterable(page.data()), true, 0)
				.doOnRequest(drain.gate()::request);
		});
	}

	private Flux<TokenList> pages(Drain drain, URI first) {
		PageNumber numberedFirst = (this.paginationConcurrency > 1) ? drain.pageNumberOf(first) : null;
		LinkFollower follower = new LinkFollower(drain, this.fetch, numberedFirst);
		return follower.from(first).concatWith(Flux.defer(() -> {
			PageNumber handover = follower.handover();
			return (handover != null) ? numbered(drain, handover) : Flux.empty();
		}));
	}

	private Flux<TokenList> numbered(Drain drain, PageNumber from) {
		NumberedRun run = new NumberedRun(drain, this.fetch, this.paginationConcurrency, from);
		return run.pages().concatWith(Flux.defer(() -> {
			String leftover = run.leftover();
			return (leftover != null) ? new LinkFollower(drain, this.fetch, null).fromServerLink(leftover)
					: Flux.empty();
		}));
	}

}
