package com.lagrello.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback server of pages of tokens for paging tests on the wire: {@code pages} pages
 * of {@code size} tokens named {@code p<page>-t<token>}, each answered after a delay on a
 * timer (no thread blocked), its {@code next} link shaped by the test. Its pages count
 * from 0 (the first page, asked for without a number, is page 0) or from 1. It records
 * the URIs asked for, when each arrived (its own clock) and the most requests it had in
 * flight at once.
 */
final class LinkShapeServer implements AutoCloseable {

	private final int pages;

	private final int size;

	private final Duration delay;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final List<String> uris = new CopyOnWriteArrayList<>();

	private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

	private final Set<Integer> rateLimited = ConcurrentHashMap.newKeySet();

	private final DisposableServer server;

	private volatile IntFunction<String> nextLink;

	// the number of the first page in links: 0 or 1
	private volatile int firstNumber;

	// the status of a page beyond the last, 200 (empty, no next) unless the test says
	private volatile int beyondTheEnd = 200;

	private volatile Duration rateLimitedDelay;

	private volatile int slowPage = -1;

	private volatile int failingPage = -1;

	private volatile int failingStatus;

	private volatile Duration slowPageDelay;

	/**
	 * Starts a server whose links are the client's own page-number links.
	 */
	LinkShapeServer(int pages, int size, Duration delay) {
		this.pages = pages;
		this.size = size;
		this.delay = delay;
		this.nextLink = (page) -> "/v1/tokens?page=" + (page + this.firstNumber) + "&size=" + size;
		this.rateLimitedDelay = delay;
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			long arrived = System.nanoTime();
			this.uris.add(request.uri());
			int now = this.inFlight.incrementAndGet();
			this.mostInFlight.accumulateAndGet(now, Math::max);
			QueryStringDecoder query = new QueryStringDecoder(request.uri());
			int page = page(query);
			this.arrivals.add(new Arrival(page, arrived));
			boolean limited = this.rateLimited.remove(page);
			boolean beyond = page >= this.pages && this.beyondTheEnd != 200;
			boolean failing = page == this.failingPage;
			int status = limited ? 429 : beyond ? this.beyondTheEnd : failing ? this.failingStatus : 200;
			String body = limited ? "{\"errorType\":\"TOO_MANY_REQUESTS\",\"message\":\"slow down\"}"
					: (beyond || failing) ? "{\"errorType\":\"INVALID_REQUEST\",\"message\":\"scripted\"}" : body(page);
			Duration answerAfter = (limited || failing) ? this.rateLimitedDelay
					: (page == this.slowPage) ? this.slowPageDelay : this.delay;
			// answered on a timer thread, never synchronously: reactor/reactor-netty#4361
			// no longer in flight once answered: the client may send its next request as
			// soon as the answer arrives, before this side hears that it was written
			java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
			Runnable settle = () -> {
				if (answered.compareAndSet(false, true)) {
					this.inFlight.decrementAndGet();
				}
			};
			if (limited) {
				response.header("Retry-After", "1");
			}
			return Mono.delay(answerAfter)
				.doOnSuccess((tick) -> settle.run())
				.doOnCancel(settle)
				.then(response.status(status)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(body), StandardCharsets.UTF_8)
					.then());
		}).bindNow();
	}

	/**
	 * Shapes the {@code next} link of each page: given the number of the page it leads
	 * to, returns the link (relative or absolute), or {@code null} for none.
	 */
	LinkShapeServer linking(IntFunction<String> nextLink) {
		this.nextLink = nextLink;
		return this;
	}

	/**
	 * Counts pages in links from 1: the first page (asked for without a number) is page 1
	 * and links to {@code page=2}. Tokens keep their names from {@code p0}.
	 */
	LinkShapeServer countingFromOne() {
		this.firstNumber = 1;
		return this;
	}

	/**
	 * Answers the next request for that page with {@code 429} and {@code Retry-After: 1}.
	 */
	LinkShapeServer rateLimitingOnce(int page) {
		this.rateLimited.add(page);
		return this;
	}

	/**
	 * Answers the next request for that page with {@code 429} and {@code Retry-After: 1},
	 * after the given delay instead of the server's.
	 */
	LinkShapeServer rateLimitingOnce(int page, Duration after) {
		this.rateLimitedDelay = after;
		return rateLimitingOnce(page);
	}

	/**
	 * Answers every request for a page beyond the last with the given status, after the
	 * server's delay.
	 */
	LinkShapeServer answeringBeyondTheEnd(int status) {
		this.beyondTheEnd = status;
		return this;
	}

	/**
	 * Answers every request for that page with the given status, after the given delay
	 * instead of the server's.
	 */
	LinkShapeServer failingAt(int page, int status, Duration after) {
		this.rateLimitedDelay = after;
		this.failingStatus = status;
		this.failingPage = page;
		return this;
	}

	/**
	 * Answers that page after the given delay instead of the server's.
	 */
	LinkShapeServer slowAt(int page, Duration delay) {
		this.slowPageDelay = delay;
		this.slowPage = page;
		return this;
	}

	/**
	 * The page a request asks for, counted from 0 whatever the server's numbering; a
	 * number below the server's first is beyond the end.
	 */
	private int page(QueryStringDecoder query) {
		List<String> values = query.parameters().getOrDefault("page", query.parameters().get("cursor"));
		if (values == null) {
			return 0;
		}
		int number = Integer.parseInt(values.get(0).replaceAll("\\D", ""));
		return (number < this.firstNumber) ? Integer.MAX_VALUE : number - this.firstNumber;
	}

	private String body(int page) {
		StringBuilder data = new StringBuilder();
		if (page < this.pages) {
			for (int i = 0; i < this.size; i++) {
				data.append((i > 0) ? "," : "")
					.append("{\"tokenKey\":\"k")
					.append(page)
					.append('-')
					.append(i)
					.append("\",\"tokenName\":\"p")
					.append(page)
					.append("-t")
					.append(i)
					.append("\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"permissions\":[\"READ\"]}");
			}
		}
		String next = (page < this.pages - 1) ? this.nextLink.apply(page + 1) : null;
		return "{\"data\":[" + data + "],\"paging\":{\"next\":" + ((next != null) ? "\"" + next + "\"" : "null")
				+ ",\"previous\":null}}";
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	List<String> uris() {
		return List.copyOf(this.uris);
	}

	int mostInFlight() {
		return this.mostInFlight.get();
	}

	/** Every request as it arrived, in order: the page (counted from 0) and when. */
	List<Arrival> arrivals() {
		return List.copyOf(this.arrivals);
	}

	/** The names of every token of the given pages, in order. */
	List<String> namesOf(int... pages) {
		List<String> names = new java.util.ArrayList<>();
		for (int page : pages) {
			for (int i = 0; i < this.size; i++) {
				names.add("p" + page + "-t" + i);
			}
		}
		return names;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A request as the server received it.
	 *
	 * @param page the page asked for, counted from 0 ({@link Integer#MAX_VALUE} for a
	 * number below the server's first)
	 * @param nanos when it arrived, on the server's {@link System#nanoTime()} clock
	 */
	record Arrival(int page, long nanos) {

	}

}
