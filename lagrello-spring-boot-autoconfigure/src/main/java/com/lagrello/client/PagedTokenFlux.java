package com.lagrello.client;

import java.net.URI;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Streams every token by following {@code paging.next} from a first page, driven by
 * downstream demand.
 * <p>
 * Reactor's {@code expand} would be the shortest way to write this, but it subscribes to
 * the next page as soon as the previous one completes, whatever the demand, and with an
 * HTTP publisher subscribing is sending. Here a page is requested only while the demand
 * received exceeds the tokens received: {@code take(2)} over pages of two sends one
 * request, while an unbounded subscriber has the next page requested before the current
 * one is emitted, so fetching overlaps consuming. At most one request is in flight and at
 * most one page is buffered ahead of demand.
 */
final class PagedTokenFlux {

	private PagedTokenFlux() {
	}

	/**
	 * Returns a cold flux: every subscription drains the pages anew with its own state.
	 */
	static Flux<Token> of(URI firstPage, PageRetriever retriever, PageLinks links, int maxPages) {
		return Flux.create((sink) -> new Drain(sink, firstPage, retriever, links, maxPages).start());
	}

	private static final class Drain {

		private final FluxSink<Token> sink;

		private final PageRetriever retriever;

		private final PageLinks links;

		private final int maxPages;

		private final Set<URI> visited = new HashSet<>();

		private final Queue<TokenList> arrived = new ConcurrentLinkedQueue<>();

		private final AtomicInteger emitting = new AtomicInteger();

		private final AtomicInteger fetchingLoop = new AtomicInteger();

		// only touched by the emitting thread
		private boolean terminated;

		// guarded by this
		private long requested;

		private long received;

		private @Nullable URI next;

		private @Nullable LagrelloPagingException refusedNext;

		private boolean fetching;

		private boolean cancelled;

		private @Nullable PageSubscriber inFlight;

		// set after the last page is queued, read by the emitting thread
		private volatile boolean finished;

		private volatile @Nullable Throwable failure;

		Drain(FluxSink<Token> sink, URI firstPage, PageRetriever retriever, PageLinks links, int maxPages) {
			this.sink = sink;
			this.retriever = retriever;
			this.links = links;
			this.maxPages = maxPages;
			this.next = firstPage;
		}

		void start() {
			this.sink.onDispose(this::cancel);
			this.sink.onRequest(this::request);
		}

		private void request(long n) {
			synchronized (this) {
				this.requested = (this.requested + n < 0) ? Long.MAX_VALUE : this.requested + n;
			}
			fetchIfDemanded();
		}

		/**
		 * Requests the next page while demand exceeds the tokens received, in a loop
		 * rather than by recursion: a page that is answered synchronously (a stubbed
		 * exchange in a test) would otherwise nest one call per page.
		 */
		private void fetchIfDemanded() {
			if (this.fetchingLoop.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				fetchOnceIfDemanded();
				missed = this.fetchingLoop.addAndGet(-missed);
			}
			while (missed != 0);
		}

		/**
		 * A link that must not be followed fails the stream only now, when it is needed.
		 */
		private void fetchOnceIfDemanded() {
			URI page;
			PageSubscriber subscriber;
			LagrelloPagingException refused = null;
			synchronized (this) {
				if (this.fetching || this.cancelled || this.finished || this.requested <= this.received
						|| (this.next == null && this.refusedNext == null)) {
					return;
				}
				page = this.next;
				subscriber = null;
				if (this.refusedNext != null) {
					refused = this.refusedNext;
				}
				else if (this.visited.size() >= this.maxPages) {
					refused = new LagrelloPagingException("tokens/list stopped after " + this.maxPages
							+ " pages (lagrello.pagination.max-pages): the server keeps sending next links");
				}
				else if (!this.visited.add(page)) {
					refused = new LagrelloPagingException(
							"tokens/list stopped: the server sent a next link it had sent before, a cycle: " + page);
				}
				else {
					this.fetching = true;
					subscriber = new PageSubscriber();
					// known before it subscribes, so that a cancel from now on reaches it
					this.inFlight = subscriber;
				}
			}
			if (refused != null) {
				fail(refused);
				return;
			}
			this.retriever.retrieve(page).subscribe(subscriber);
		}

		private void onPage(PageSubscriber subscriber, TokenList page) {
			boolean last = page.data().isEmpty() || !page.paging().hasNext();
			URI following = null;
			LagrelloPagingException refused = null;
			if (!last) {
				try {
					following = this.links.resolve(page.paging().next());
				}
				catch (LagrelloPagingException ex) {
					refused = ex;
				}
			}
			synchronized (this) {
				if (this.inFlight == subscriber) {
					this.inFlight = null;
				}
				// queued before the next fetch can start, so that pages stay in order
				this.arrived.offer(page);
				this.fetching = false;
				this.received += page.data().size();
				this.next = following;
				this.refusedNext = refused;
				if (last) {
					this.finished = true;
				}
			}
			fetchIfDemanded();
			emit();
		}

		private void fail(Throwable error) {
			this.failure = error;
			this.finished = true;
			emit();
		}

		private void cancel() {
			PageSubscriber subscriber;
			synchronized (this) {
				this.cancelled = true;
				subscriber = this.inFlight;
				this.inFlight = null;
			}
			if (subscriber != null) {
				subscriber.dispose();
			}
		}

		/**
		 * Receives one page; cancelling it before it is subscribed cancels the request as
		 * soon as it starts.
		 */
		private final class PageSubscriber extends BaseSubscriber<TokenList> {

			private boolean answered;

			@Override
			protected void hookOnNext(TokenList page) {
				this.answered = true;
				onPage(this, page);
			}

			@Override
			protected void hookOnError(Throwable error) {
				fail(error);
			}

			@Override
			protected void hookOnComplete() {
				if (!this.answered) {
					fail(new LagrelloDecodingException("tokens/list failed: the answer had no body", null));
				}
			}

		}

		/**
		 * Emits queued pages in order from one thread at a time, then the terminal
		 * signal once every page before it is out.
		 */
		private void emit() {
			if (this.emitting.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				TokenList page;
				while ((page = this.arrived.poll()) != null) {
					page.data().forEach(this.sink::next);
				}
				if (this.finished && this.arrived.isEmpty() && !this.terminated) {
					this.terminated = true;
					Throwable error = this.failure;
					if (error != null) {
						this.sink.error(error);
					}
					else {
						this.sink.complete();
					}
				}
				missed = this.emitting.addAndGet(-missed);
			}
			while (missed != 0);
		}

	}

}
