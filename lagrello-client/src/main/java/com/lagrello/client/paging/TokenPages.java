package com.lagrello.client.paging;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import com.lagrello.client.LagrelloPagingException;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;

import org.jspecify.annotations.Nullable;
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
 * <p>
 * With a concurrency above 1, a first page whose {@code next} is the client's own link to
 * a later page number (page 1 of an API that counts from 0, page 2 of one that counts
 * from 1) hands over to {@link Drain#numbered numbered} paging from that number: up to
 * that many pages in flight at once, by number, emitted in order, each page's
 * {@code next} checked against the page fetched after it. At the first difference, the
 * pages fetched ahead are dropped and the server's link is followed one page at a time
 * again; the first page without data or without {@code next} ends the drain and cancels
 * the requests beyond it. A page fetched ahead whose attempt failed waits for its
 * {@link PageTurn turn} before it is retried or its failure reported, so a page beyond
 * the end costs one request and no failed call. A page answered {@code 429} or
 * {@code 503} with a {@code Retry-After} waits it out in its own retry, and no page
 * beyond those already in flight starts until that page's call has ended: the server's
 * rate limit is the drain's, and the retry is what tells that it is over.
 */
public final class TokenPages {

	// the page being emitted and the one in flight after it
	private static final int PAGES_AT_ONCE = 2;

	private final PageLinks links;

	private final int maxPages;

	private final int concurrency;

	private final URI tokens;

	private final BiFunction<URI, PageTurn, Mono<TokenList>> fetch;

	/**
	 * Creates the paging of a client.
	 * @param links resolves and checks the server's links
	 * @param maxPages the most pages one drain follows
	 * @param concurrency the most pages in flight at once, 1 for one after the other
	 * @param tokensUrl the listing's URL, for page-number links
	 * @param fetch fetches one page, its retries included, keeping to the page's turn
	 */
	public TokenPages(PageLinks links, int maxPages, int concurrency, String tokensUrl,
			BiFunction<URI, PageTurn, Mono<TokenList>> fetch) {
		this.links = links;
		this.maxPages = maxPages;
		this.concurrency = concurrency;
		this.tokens = URI.create(tokensUrl);
		this.fetch = fetch;
	}

	/**
	 * Returns every page from the given one on, with demand counted in pages.
	 */
	public Flux<TokenList> pagesFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain((page) -> 1);
			return drain.pages(first).doOnRequest(drain.gate::request);
		});
	}

	/**
	 * Returns every token of the pages from the given one on, with demand counted in
	 * tokens. A failure is signalled after the tokens that arrived before it.
	 */
	public Flux<Token> tokensFrom(URI first) {
		return Flux.defer(() -> {
			Drain drain = new Drain((page) -> page.data().size());
			return drain.pages(first)
				.concatMapDelayError((page) -> Flux.fromIterable(page.data()), true, 0)
				.doOnRequest(drain.gate::request);
		});
	}

	/**
	 * The state of one subscription: its demand and the links it visited. Pages are
	 * visited in order, one at a time, so the links visited need no lock.
	 */
	private final class Drain {

		private final DemandGate gate = new DemandGate();

		private final VisitedLinks visited = new VisitedLinks(TokenPages.this.maxPages);

		private final ToLongFunction<TokenList> delivered;

		Drain(ToLongFunction<TokenList> delivered) {
			this.delivered = delivered;
		}

		Flux<TokenList> pages(URI first) {
			PageNumber numbered = (TokenPages.this.concurrency > 1) ? PageNumber.of(first, TokenPages.this.tokens)
					: null;
			FollowedLinks followed = new FollowedLinks(numbered);
			return followed.pages((sink) -> followed.follow(first))
				.concatWith(Flux.defer(() -> (followed.handover != null) ? numbered(followed.handover) : Flux.empty()));
		}

		/**
		 * Pages from the given one on, by number, up to the concurrency at once, each
		 * started only while downstream wants more than the pages so far delivered; then
		 * the server's links again where they stop being the numbered ones.
		 */
		private Flux<TokenList> numbered(PageNumber from) {
			NumberedPages numbers = new NumberedPages(from, this.visited.remaining());
			PageTurns turns = new PageTurns(from.page());
			// the server's next link where numbered paging stopped without an end
			String[] leftover = new String[1];
			return Flux.<PageNumber>create((sink) -> {
				numbers.sink = sink;
				this.gate.onEveryRequest(numbers::offer);
				sink.onRequest(numbers::asked);
				sink.onDispose(() -> this.gate.onEveryRequest(null));
			})
				.flatMapSequential((page) -> numbers.fetch(page, turns), TokenPages.this.concurrency, 1)
				.<TokenList>handle((numbered, sink) -> {
					if (numbered.failure() != null) {
						sink.error(numbered.failure());
						return;
					}
					TokenList page = numbered.answer();
					this.visited.visit(numbered.page().link());
					this.gate.received(this.delivered.applyAsLong(page));
					sink.next(page);
					// where numbered paging stops (the maximum of pages, say), the link
					// that was not followed
					leftover[0] = (page.data().isEmpty() || !page.paging().hasNext()) ? null : page.paging().next();
					if (!numbered.linksOn()) {
						// the end, or a link that leaves the numbers: drops the pages
						// fetched ahead, cancels those in flight
						sink.complete();
					}
				})
				.concatWith(Flux.defer(() -> (leftover[0] != null) ? fromServerLink(leftover[0]) : Flux.empty()));
		}

		/**
		 * The link as the cycle guard sees it: a page-number link in the client's own
		 * spelling, whatever the server's order of parameters, so that a link back to a
		 * page fetched by number is a cycle.
		 */
		private URI visitKey(URI link) {
			// keyed alike at every concurrency: one server, one way of paging it;
			// the fragment never reaches the server
			URI sent = (link.getRawFragment() == null) ? link
					: URI.create(link.toString().substring(0, link.toString().indexOf('#')));
			PageNumber number = PageNumber.of(sent, TokenPages.this.tokens);
			if (number == null || number.query().equals(sent.getRawQuery())) {
				// not a page-number link, or one in the client's own spelling already
				return sent;
			}
			return number.link();
		}

		private boolean isLink(String next, PageNumber expected) {
			return expected.equals(pageNumberOf(next));
		}

		/**
		 * The page a server's link asks for, when it is a page-number link of the listing
		 * in the client's own spelling.
		 */
		private @Nullable PageNumber pageNumberOf(String next) {
			try {
				return PageNumber.of(TokenPages.this.links.resolve(next), TokenPages.this.tokens);
			}
			catch (LagrelloPagingException refused) {
				return null;
			}
		}

		/**
		 * Pages from a server's {@code next} link on, one at a time.
		 */
		private Flux<TokenList> fromServerLink(String next) {
			FollowedLinks followed = new FollowedLinks(null);
			return followed.pages((sink) -> followed.resolveAndFollow(next));
		}

		/**
		 * The page numbers of one numbered run, let go one by one while they are asked
		 * for, downstream wants more than it has and no page waits out a
		 * {@code Retry-After}. The pages in flight are not counted as had, so up to the
		 * concurrency may be fetched ahead. Offers come from page answers, downstream
		 * requests and ended holds, on any thread and re-entrantly: one loop runs at a
		 * time and picks up what the others asked for.
		 */
		private final class NumberedPages {

			private final PageNumber from;

			private final int limit;

			private final AtomicInteger offering = new AtomicInteger();

			// page numbers asked for and not yet let go: not the sink's own count, which
			// lags while another thread drains it, so that nothing piles up in its buffer
			private final AtomicLong asked = new AtomicLong();

			// pages whose call waits out a Retry-After: none starts while there are any
			private final AtomicInteger holding = new AtomicInteger();

			// written by one offer loop at a time
			private int launched;

			// set on subscription, before any offer
			private FluxSink<PageNumber> sink;

			NumberedPages(PageNumber from, int limit) {
				this.from = from;
				this.limit = limit;
			}

			void asked(long n) {
				this.asked.accumulateAndGet(n,
						(current, more) -> (current + more < 0) ? Long.MAX_VALUE : current + more);
				offer();
			}

			void offer() {
				if (this.offering.getAndIncrement() != 0) {
					return;
				}
				do {
					while (!this.sink.isCancelled() && this.asked.get() > 0 && this.holding.get() == 0
							&& Drain.this.gate.isDemanded()) {
						if (this.launched >= this.limit) {
							this.sink.complete();
							break;
						}
						this.asked.decrementAndGet();
						this.sink.next(this.from.plus(this.launched++));
					}
				}
				while (this.offering.decrementAndGet() != 0);
			}

			/**
			 * Fetches a page at its turn; a {@code Retry-After} it meets holds back the
			 * pages not yet started until its call has ended.
			 */
			Mono<Numbered> fetch(PageNumber page, PageTurns turns) {
				AtomicBoolean holds = new AtomicBoolean();
				Consumer<Duration> onRetryAfter = (wait) -> {
					if (holds.compareAndSet(false, true)) {
						this.holding.incrementAndGet();
					}
				};
				return TokenPages.this.fetch.apply(page.link(), new PageTurn(onRetryAfter, turns.due(page.page())))
					.map((answer) -> {
						boolean linksOn = !answer.data().isEmpty() && answer.paging().hasNext()
								&& isLink(answer.paging().next(), page.next());
						if (linksOn) {
							turns.linkedOn(page.page());
						}
						return new Numbered(page, answer, linksOn, null);
					})
					.onErrorResume((failure) -> Mono.just(new Numbered(page, null, false, failure)))
					.doFinally((signal) -> {
						if (holds.compareAndSet(true, false) && this.holding.decrementAndGet() == 0) {
							offer();
						}
					});
			}

		}

		/**
		 * One run of pages fetched one after the other, each link known once the page
		 * before it arrived. When it starts from a page-number link, its first page may
		 * hand over to numbered paging.
		 */
		private final class FollowedLinks {

			// cleared once the first page arrived: only it may hand over
			private @Nullable PageNumber numberedFirst;

			// set on subscription, before the first link is let in
			private FluxSink<URI> sink;

			private @Nullable PageNumber handover;

			FollowedLinks(@Nullable PageNumber numberedFirst) {
				this.numberedFirst = numberedFirst;
			}

			Flux<TokenList> pages(Consumer<FluxSink<URI>> start) {
				// a FluxSink is serialized: a link may be let in on the thread of a page
				// answer or on the thread of a downstream request
				return Flux.<URI>create((sink) -> {
					this.sink = sink;
					start.accept(sink);
				}).flatMapSequentialDelayError(this::fetch, PAGES_AT_ONCE, 1);
			}

			private Mono<TokenList> fetch(URI link) {
				return TokenPages.this.fetch.apply(link, PageTurn.NOW).doOnEach((signal) -> {
					if (signal.isOnNext()) {
						arrived(signal.get());
					}
					else if (signal.isOnError()) {
						// a failed page is the last: the pages before it are still
						// emitted
						this.sink.complete();
					}
				});
			}

			private void arrived(TokenList page) {
				Drain.this.gate.received(Drain.this.delivered.applyAsLong(page));
				if (page.data().isEmpty() || !page.paging().hasNext()) {
					this.sink.complete();
					return;
				}
				PageNumber first = this.numberedFirst;
				this.numberedFirst = null;
				PageNumber named = (first != null && Drain.this.visited.remaining() > 0)
						? pageNumberOf(page.paging().next()) : null;
				if (named != null && first.isFollowedBy(named)) {
					this.handover = named;
					this.sink.complete();
					return;
				}
				resolveAndFollow(page.paging().next());
			}

			void resolveAndFollow(String next) {
				URI link;
				try {
					link = TokenPages.this.links.resolve(next);
				}
				catch (LagrelloPagingException refused) {
					refuseWhenNeeded(refused);
					return;
				}
				follow(link);
			}

			void follow(URI link) {
				try {
					Drain.this.visited.visit(visitKey(link));
				}
				catch (LagrelloPagingException refused) {
					refuseWhenNeeded(refused);
					return;
				}
				Drain.this.gate.whenDemanded(() -> this.sink.next(link));
			}

			private void refuseWhenNeeded(LagrelloPagingException refused) {
				Drain.this.gate.whenDemanded(() -> this.sink.error(refused));
			}

		}

	}

	/**
	 * A page fetched by number: its answer and whether it links on to the page after it
	 * by number, or why there is none.
	 */
	private record Numbered(PageNumber page, @Nullable TokenList answer, boolean linksOn, @Nullable Throwable failure) {

	}

}
