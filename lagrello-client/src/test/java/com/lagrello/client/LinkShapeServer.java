package com.lagrello.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import com.lagrello.fake.ApiBodies;
import com.lagrello.fake.FakeToken;
import com.lagrello.fake.ReceivedRequest;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;

/**
 * A loopback server of pages of tokens for paging tests on the wire, scripted on the
 * fake's {@link ScriptedServer}: {@code pages} pages of {@code size} tokens named
 * {@code p<page>-t<token>}, each answered after a delay on a timer (no thread blocked),
 * its {@code next} link shaped by the test. Its pages count from 0 (the first page, asked
 * for without a number, is page 0) or from 1. It records the URIs asked for, when each
 * arrived (the server's clock) and the most requests it had in flight at once.
 */
final class LinkShapeServer implements AutoCloseable {

	private static final Instant CREATED_AT = Instant.parse("2024-05-01T10:00:00Z");

	private final int pages;

	private final int size;

	private final Duration delay;

	private final Set<Integer> rateLimited = ConcurrentHashMap.newKeySet();

	private final ScriptedServer server;

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
		this.server = ScriptedServer.start(this::answer);
	}

	private Reply answer(ReceivedRequest request) {
		int page = page(request);
		if (this.rateLimited.remove(page)) {
			return Reply.error(429, "TOO_MANY_REQUESTS", "slow down")
				.withHeader("Retry-After", "1")
				.after(this.rateLimitedDelay);
		}
		if (page >= this.pages && this.beyondTheEnd != 200) {
			return Reply.error(this.beyondTheEnd, "INVALID_REQUEST", "scripted").after(this.delay);
		}
		if (page == this.failingPage) {
			return Reply.error(this.failingStatus, "INVALID_REQUEST", "scripted").after(this.rateLimitedDelay);
		}
		return Reply.json(200, body(page)).after((page == this.slowPage) ? this.slowPageDelay : this.delay);
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
	private int page(ReceivedRequest request) {
		String value = request.queryParameter("page");
		if (value == null) {
			value = request.queryParameter("cursor");
		}
		if (value == null) {
			return 0;
		}
		int number = Integer.parseInt(value.replaceAll("\\D", ""));
		return (number < this.firstNumber) ? Integer.MAX_VALUE : number - this.firstNumber;
	}

	private String body(int page) {
		List<FakeToken> data = new ArrayList<>();
		if (page < this.pages) {
			for (int i = 0; i < this.size; i++) {
				data.add(new FakeToken("k" + page + "-" + i, "p" + page + "-t" + i, "admin", CREATED_AT,
						List.of("READ")));
			}
		}
		String next = (page < this.pages - 1) ? this.nextLink.apply(page + 1) : null;
		return ApiBodies.tokenList(data, next, null);
	}

	String baseUrl() {
		return this.server.baseUrl().toString();
	}

	List<String> uris() {
		return this.server.requests().stream().map(ReceivedRequest::uri).toList();
	}

	int mostInFlight() {
		return this.server.mostInFlight();
	}

	/** Every request as it arrived, in order: the page (counted from 0) and when. */
	List<Arrival> arrivals() {
		return this.server.requests()
			.stream()
			.map((request) -> new Arrival(page(request), request.arrivalNanos()))
			.toList();
	}

	/** The names of every token of the given pages, in order. */
	List<String> namesOf(int... pages) {
		List<String> names = new ArrayList<>();
		for (int page : pages) {
			for (int i = 0; i < this.size; i++) {
				names.add("p" + page + "-t" + i);
			}
		}
		return names;
	}

	@Override
	public void close() {
		this.server.close();
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
