package com.lagrello.client.paging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloPagingException;
import com.lagrello.client.Paging;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging guarantees, for every page shape and every schedule of demand and cancel:
 * tokens arrive in the server's order, each once, never beyond demand; a page is sent
 * only when demand goes beyond what the pages before it delivered, one at a time; a
 * refused link is never sent; cancelling stops requests and reaches the one in flight;
 * with enough demand the stream ends, after every token before the end.
 */
class PagingProperties {

	private static final URI BASE = URI.create("https://api.lagrello.com");

	private static final String FIRST = "/v1/tokens?size=4";

	@Property(tries = 250)
	void listAllKeepsEveryPagingGuarantee(@ForAll("shapes") Shape shape, @ForAll("schedules") List<Long> schedule) {
		Server server = new Server(shape);
		Recorder tokens = new Recorder();
		server.recorder = tokens;
		server.tokenMode = true;
		pages(shape, server).tokensFrom(BASE.resolve(FIRST)).map(Token::tokenName).subscribe(tokens);
		play(schedule, tokens, server);
		check(shape, server, tokens, shape.expectedTokens());
	}

	@Property(tries = 150)
	void listPagesKeepsEveryPagingGuarantee(@ForAll("shapes") Shape shape, @ForAll("schedules") List<Long> schedule) {
		Server server = new Server(shape);
		Recorder pages = new Recorder();
		server.recorder = pages;
		server.tokenMode = false;
		pages(shape, server).pagesFrom(BASE.resolve(FIRST))
			.map((page) -> page.data().isEmpty() ? "empty" : page.data().get(0).tokenName().replaceAll("-.*", ""))
			.subscribe(pages);
		play(schedule, pages, server);
		check(shape, server, pages, shape.expectedPages());
	}

	private static TokenPages pages(Shape shape, Server server) {
		return new TokenPages(new PageLinks(BASE, false), shape.maxPages(), shape.concurrency(),
				BASE.resolve("/v1/tokens"), (link, turn) -> server.fetch(link));
	}

	private static void play(List<Long> schedule, Recorder subscriber, Server server) {
		for (long step : schedule) {
			if (step == 0) {
				subscriber.cancelNow();
				quiet(server);
				assertThat(server.sentAfterCancel).as("requests sent after cancel").hasValue(0);
				return;
			}
			request(subscriber, Math.abs(step));
			if (step < 0) {
				// cancel while the page may still be in flight: a page answered while
				// cancel() ran may still send its successor
				subscriber.cancelNow();
				quiet(server);
				assertThat(server.sentAfterCancel.get()).as("requests sent after cancel")
					.isLessThanOrEqualTo(server.shape.concurrency());
				return;
			}
			quiet(server);
		}
	}

	private static void request(Recorder subscriber, long n) {
		subscriber.requested.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
		subscriber.request(n);
	}

	private static void check(Shape shape, Server server, Recorder received, List<String> expected) {
		assertThat(server.violations).as("requests sent beyond demand, or concurrently").isEmpty();
		assertThat(server.refusedSent).as("refused links that were sent").isZero();
		assertThat(received.values).as("in order, each once").isEqualTo(expected.subList(0, received.values.size()));
		assertThat((long) received.values.size()).as("never beyond demand")
			.isLessThanOrEqualTo(received.requested.get());
		boolean enoughDemand = received.requested.get() > expected.size() && !received.cancelled;
		if (enoughDemand) {
			until(() -> received.terminal.get() != null);
			assertThat(received.values).as("everything before the end").isEqualTo(expected);
			Throwable end = received.terminal.get();
			assertThat(end).as("the stream ended").isNotNull();
			if (shape.fails()) {
				assertThat(end).isInstanceOf(shape.ending().failure);
			}
			else {
				assertThat(end).isSameAs(Recorder.COMPLETE);
			}
		}
	}

	/**
	 * Waits, with a deadline, until no request is in flight and every answer has gone
	 * downstream. A cancelled request counts as answered.
	 */
	private static void quiet(Server server) {
		until(() -> server.inFlight.get() == 0 && server.sent.get() == server.settled.get());
	}

	private static void until(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s for the drain to settle").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	@Provide
	Arbitrary<Shape> shapes() {
		Arbitrary<List<Integer>> sizes = Arbitraries.integers()
			.between(0, 4)
			.list()
			.ofMinSize(1)
			.ofMaxSize(8)
			// a page without data ends the stream: only the last may be empty
			.map((list) -> {
				List<Integer> fixed = new ArrayList<>(list);
				for (int i = 0; i < fixed.size() - 1; i++) {
					fixed.set(i, Math.max(1, fixed.get(i)));
				}
				return fixed;
			});
		// concurrency 1 pages one at a time; above, numbered paging until the links turn
		// into cursors at breakAt (-1: never); the server counts its pages from 0 or 1
		return Combinators
			.combine(sizes, Arbitraries.of(Ending.class), Arbitraries.of(true, false),
					Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1)),
							Tuple.of(3, Arbitraries.integers().between(2, 4))),
					Arbitraries.integers().between(-1, 7), Arbitraries.integers().between(0, 1))
			.as(Shape::new);
	}

	@Provide
	Arbitrary<List<Long>> schedules() {
		// n > 0 requests n and waits; -n requests n and cancels at once; 0 cancels
		Arbitrary<Long> step = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(1, 5)),
				Tuple.of(1, Arbitraries.just(Long.MAX_VALUE)), Tuple.of(1, Arbitraries.just(0L)),
				Tuple.of(1, Arbitraries.longs().between(-5, -1)));
		return step.list().ofMinSize(1).ofMaxSize(10);
	}

	/**
	 * How the last page ends.
	 */
	enum Ending {

		NONE(null), EMPTY_NEXT(null), CYCLE(LagrelloPagingException.class),
		CYCLE_BY_FRAGMENT(LagrelloPagingException.class), FOREIGN_ORIGIN(LagrelloPagingException.class),
		MAX_PAGES(LagrelloPagingException.class), FAILED_PAGE(LagrelloException.class);

		final Class<? extends Throwable> failure;

		Ending(Class<? extends Throwable> failure) {
			this.failure = failure;
		}

	}

	/**
	 * Pages of the given sizes, the last one ending as said; answered asynchronously or
	 * synchronously; fetched with the given concurrency; with page-number links counted
	 * from {@code firstNumber} (the first page, asked for without a number, links to page
	 * {@code firstNumber + 1}) that turn into cursor links from page {@code breakAt} on
	 * (-1: never).
	 */
	record Shape(List<Integer> sizes, Ending ending, boolean asynchronous, int concurrency, int breakAt,
			int firstNumber) {

		boolean fails() {
			return this.ending.failure != null && !lastPageIsEmpty();
		}

		boolean lastPageIsEmpty() {
			return this.sizes.get(this.sizes.size() - 1) == 0;
		}

		int maxPages() {
			return (this.ending == Ending.MAX_PAGES) ? this.sizes.size() : 10_000;
		}

		List<String> expectedTokens() {
			List<String> names = new ArrayList<>();
			for (int page = 0; page < this.sizes.size(); page++) {
				for (int token = 0; token < this.sizes.get(page); token++) {
					names.add("p" + page + "-t" + token);
				}
			}
			return names;
		}

		List<String> expectedPages() {
			List<String> pages = new ArrayList<>();
			for (int page = 0; page < this.sizes.size(); page++) {
				pages.add((this.sizes.get(page) == 0) ? "empty" : "p" + page);
			}
			return pages;
		}

		String link(int page) {
			return (page == 0) ? FIRST : "/v1/tokens?page=" + (page + this.firstNumber) + "&size=4";
		}

		/**
		 * The server's link to a page: by number, or by cursor from breakAt on.
		 */
		String serverLink(int page) {
			return (page > 0 && this.breakAt >= 0 && page >= this.breakAt) ? "/v1/tokens?cursor=" + page : link(page);
		}

		String nextOf(int page) {
			if (page < this.sizes.size() - 1) {
				return serverLink(page + 1);
			}
			return switch (this.ending) {
				case NONE -> null;
				case MAX_PAGES, FAILED_PAGE -> serverLink(page + 1);
				case EMPTY_NEXT -> "";
				case CYCLE -> link(0);
				case CYCLE_BY_FRAGMENT -> serverLink(page) + "#again";
				case FOREIGN_ORIGIN -> "https://evil.example.com" + serverLink(page + 1);
			};
		}

	}

	/**
	 * Answers pages and checks every request as it is sent.
	 */
	static final class Server {

		final Shape shape;

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger settled = new AtomicInteger();

		final AtomicInteger inFlight = new AtomicInteger();

		// counted from inside cancel() on its own thread, and on every thread once it
		// returned: until then, pages answered on another thread go on, as many as fit
		// in however long the canceller is descheduled
		final AtomicInteger sentAfterCancel = new AtomicInteger();

		final List<String> violations = new CopyOnWriteArrayList<>();

		final Map<Integer, Boolean> seen = new ConcurrentHashMap<>();

		volatile int refusedSent;

		volatile Recorder recorder;

		volatile boolean tokenMode;

		Server(Shape shape) {
			this.shape = shape;
		}

		Mono<TokenList> fetch(URI link) {
			return Mono.defer(() -> {
				this.sent.incrementAndGet();
				if (this.recorder.cancelReturned.get() || Thread.currentThread() == this.recorder.cancelling) {
					this.sentAfterCancel.incrementAndGet();
				}
				int concurrency = this.shape.concurrency();
				if (this.inFlight.incrementAndGet() > concurrency) {
					this.violations.add("more than " + concurrency + " requests in flight at " + link);
				}
				if (!link.getHost().equals(BASE.getHost())) {
					this.refusedSent++;
				}
				String query = link.getQuery();
				int page = query.contains("cursor=") ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1"))
						: query.contains("page=")
								? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) - this.shape.firstNumber()
								: 0;
				// numbered paging may fetch ahead a page it then drops and follows again
				if (this.seen.put(page, true) != null && concurrency == 1) {
					this.refusedSent++;
				}
				// pages whose first token (or the page itself) is demanded
				long demanded = 0;
				long before = 0;
				for (int k = 0; k < Math.max(page + 1, this.shape.sizes().size()); k++) {
					if (this.recorder.requested.get() > before) {
						demanded = k + 1;
					}
					before += this.tokenMode ? ((k < this.shape.sizes().size()) ? this.shape.sizes().get(k) : 0) : 1;
				}
				// one at a time: nothing beyond demand; numbered: at most the concurrency
				if (page >= demanded + ((concurrency == 1) ? 0 : concurrency)) {
					this.violations.add("page " + page + " sent with demand " + this.recorder.requested.get() + " for "
							+ demanded + " pages, concurrency " + concurrency);
				}
				Mono<TokenList> reply = (page >= this.shape.sizes().size())
						? Mono.error(new LagrelloException("page " + page + " failed"))
						: Mono.fromSupplier(() -> page(page));
				// numbered paging may fetch beyond the end, then cancels or drops it;
				// never
				// beyond the maximum
				boolean beyondEnd = page >= this.shape.sizes().size();
				if (beyondEnd && ((concurrency == 1 && this.shape.ending() != Ending.FAILED_PAGE)
						|| this.shape.ending() == Ending.MAX_PAGES)) {
					this.refusedSent++;
				}
				Mono<TokenList> timed = this.shape.asynchronous() ? reply.subscribeOn(Schedulers.parallel()) : reply;
				// answered (or cancelled) before the page goes downstream, settled after
				AtomicBoolean answered = new AtomicBoolean();
				Runnable answer = () -> {
					if (answered.compareAndSet(false, true)) {
						this.inFlight.decrementAndGet();
					}
				};
				return timed.doOnEach((signal) -> answer.run())
					.doOnCancel(answer)
					.doFinally((signal) -> this.settled.incrementAndGet());
			});
		}

		private TokenList page(int page) {
			List<Token> data = new ArrayList<>();
			for (int token = 0; token < this.shape.sizes().get(page); token++) {
				data.add(new Token("key-" + page + "-" + token, "p" + page + "-t" + token, "admin", Instant.EPOCH,
						List.of(Permission.READ)));
			}
			return new TokenList(data, new Paging(this.shape.nextOf(page), null));
		}

	}

	/**
	 * Records what arrives; requests only when the schedule says.
	 */
	static final class Recorder extends BaseSubscriber<String> {

		static final Throwable COMPLETE = new Throwable("complete");

		final List<String> values = new CopyOnWriteArrayList<>();

		final AtomicLong requested = new AtomicLong();

		final AtomicReference<Throwable> terminal = new AtomicReference<>();

		final AtomicBoolean cancelReturned = new AtomicBoolean();

		// the thread inside cancel(), whose own requests count as sent after it
		volatile @Nullable Thread cancelling;

		volatile boolean cancelled;

		void cancelNow() {
			this.cancelling = Thread.currentThread();
			cancel();
			this.cancelReturned.set(true);
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
		}

		@Override
		protected void hookOnNext(String value) {
			this.values.add(value);
		}

		@Override
		protected void hookOnComplete() {
			this.terminal.set(COMPLETE);
		}

		@Override
		protected void hookOnError(Throwable failure) {
			this.terminal.set(failure);
		}

		@Override
		protected void hookOnCancel() {
			this.cancelled = true;
		}

	}

}
