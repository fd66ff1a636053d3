package com.lagrello.client;

import java.net.URI;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
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

	private static final TokenList NO_PAGE = new TokenList(null, null);

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

		// only touched by the emitting thread
		private boolean terminated;

		// guarded by this
		private long requested;

		private long received;

		private @Nullable URI next;

		private boolean fetching;

		private boolean cancelled;

		private @Nullable Disposable inFlight;

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

		private void fetchIfDemanded() {
			URI page;
			LagrelloPagingException refused = null;
			synchronized (this) {
				if (this.fetching || this.cancelled || this.finished || this.next == null
						|| this.requested <= this.received) {
					return;
				}
				page = this.next;
				if (this.visited.size() >= this.maxPages) {
					refused = new LagrelloPagingException("tokens/list stopped after " + this.maxPages
							+ " pages (lagrello.pagination.max-pages): the server keeps sending next links");
				}
				else if (!this.visited.add(page)) {
					refused = new LagrelloPagingException(
							"tokens/list stopped: the server sent a next link it had sent before, a cycle: " + page);
				}
				else {
					this.fetching = true;
				}
			}
			if (refused != null) {
				fail(refused);
				return;
			}
			Disposable subscription = this.retriever.retrieve(page)
				.defaultIfEmpty(NO_PAGE)
				.subscribe(this::onPage, this::fail);
			synchronized (this) {
				if (this.fetching && !this.cancelled) {
					this.inFlight = subscription;
					return;
				}
			}
			if (this.cancelled) {
				subscription.dispose();
			}
		}

		private void onPage(TokenList page) {
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
				this.fetching = false;
				this.inFlight = null;
				this.received += page.data().size();
				this.next = following;
			}
			// queued before finishing, so that no thread completes the stream without it
			this.arrived.offer(page);
			if (refused != null) {
				fail(refused);
				return;
			}
			if (last) {
				this.finished = true;
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
			Disposable subscription;
			synchronized (this) {
				this.cancelled = true;
				subscription = this.inFlight;
				this.inFlight = null;
			}
			if (subscription != null) {
				subscription.dispose();
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
