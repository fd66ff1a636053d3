package com.lagrello.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import com.lagrello.fake.ReceivedRequest;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;

/**
 * A fast local Tokens API on {@code 127.0.0.1}, scripted on the fake's
 * {@link ScriptedServer}, that answers from replies rendered once:
 * {@code GET /v1/tokens?size=N} is the first page, {@code GET /v1/tokens?page=P&size=N}
 * page {@code P}, counted from 0 (the first page links to {@code page=1}) or, optionally,
 * from 1 (it links to {@code page=2}); each page links the next with an absolute
 * {@code paging.next} (the last has none), {@code POST /v1/tokens} answers {@code 201}
 * with one token and {@code DELETE /v1/tokens/{id}} {@code 204}. Optionally every answer
 * is sent a fixed delay later, on the event loop's timer (no thread waits), to play a
 * distant API.
 * <p>
 * It runs on two event loops of its own and keeps no request: the fake answers in a later
 * task of the connection's event loop, without a thread hop.
 */
public final class PageServer implements AutoCloseable {

	/** The bearer token the server expects. */
	public static final String ACCESS_TOKEN = "bench-access-token-0123456789";

	private static final String AUTHORIZATION = "Bearer " + ACCESS_TOKEN;

	private static final String PATH = "/v1/tokens";

	private final int pageSize;

	private final ScriptedServer server;

	private final int firstNumber;

	private final Reply[] pages;

	private final Reply created;

	private final Reply deleted;

	private final Reply unauthorized;

	private final Reply badRequest;

	private final Reply notFound;

	/**
	 * Starts a server on an ephemeral port.
	 * @param pageCount how many pages there are
	 * @param pageSize tokens per page, the only {@code size} the server accepts
	 * @param linkPadding characters of an extra query parameter in every {@code next}
	 * link, to make links long; 0 for none
	 */
	public PageServer(int pageCount, int pageSize, int linkPadding) {
		this(pageCount, pageSize, linkPadding, Duration.ZERO);
	}

	/**
	 * Starts a server on an ephemeral port whose every answer is sent a fixed delay
	 * later.
	 * @param pageCount how many pages there are
	 * @param pageSize tokens per page, the only {@code size} the server accepts
	 * @param linkPadding characters of an extra query parameter in every {@code next}
	 * link, to make links long; 0 for none
	 * @param answerDelay how long after the request each answer is sent
	 */
	public PageServer(int pageCount, int pageSize, int linkPadding, Duration answerDelay) {
		this(pageCount, pageSize, linkPadding, answerDelay, 0);
	}

	/**
	 * Starts a server on an ephemeral port whose every answer is sent a fixed delay
	 * later, and whose pages are numbered from the given number.
	 * @param pageCount how many pages there are
	 * @param pageSize tokens per page, the only {@code size} the server accepts
	 * @param linkPadding characters of an extra query parameter in every {@code next}
	 * link, to make links long; 0 for none
	 * @param answerDelay how long after the request each answer is sent
	 * @param firstNumber the number of the first page in links: 0 or 1
	 */
	public PageServer(int pageCount, int pageSize, int linkPadding, Duration answerDelay, int firstNumber) {
		this.pageSize = pageSize;
		this.firstNumber = firstNumber;
		this.server = ScriptedServer.builder()
			.eventLoops(2)
			.maxInitialLineLength(linkPadding + 4096)
			.recording(false)
			.build(this::answer);
		this.unauthorized = Reply.error(401, "UNAUTHORIZED", "bad token").after(answerDelay);
		this.badRequest = Reply.error(400, "BAD_REQUEST", "bad query").after(answerDelay);
		this.notFound = Reply.error(404, "NOT_FOUND", "no such path").after(answerDelay);
		this.deleted = Reply.status(204).after(answerDelay);
		this.created = Reply.json(201, token(new StringBuilder(), -1).toString()).after(answerDelay);
		this.pages = new Reply[pageCount];
		this.server.start();
		String pad = (linkPadding > 0) ? "&pad=" + "x".repeat(linkPadding) : "";
		for (int page = 0; page < pageCount; page++) {
			this.pages[page] = Reply.json(200, render(page, pad).getBytes(StandardCharsets.UTF_8)).after(answerDelay);
		}
	}

	/**
	 * Returns the origin to point clients at, such as {@code http://127.0.0.1:40123}.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Returns how many tokens all pages hold.
	 * @return the token count
	 */
	public long tokenCount() {
		return (long) this.pages.length * this.pageSize;
	}

	/**
	 * Returns how many requests the server has received.
	 * @return the request count
	 */
	public long requests() {
		return this.server.requestCount();
	}

	/**
	 * Returns how many requests the server has received, once it holds no connection or
	 * the deadline has passed. A request its client cancelled may still be on its way
	 * when the client is done; once the client has closed its connections, the server has
	 * read every request sent on them, since it reads a connection's requests before its
	 * close.
	 * @param deadline the longest wait for the connections to close
	 * @return the request count
	 */
	public long requestsOnceDisconnected(Duration deadline) {
		long end = System.nanoTime() + deadline.toNanos();
		while (this.server.openConnections() > 0 && System.nanoTime() - end < 0) {
			// parked, not spinning: on two cores a spin would hold back the loops closing
			LockSupport.parkNanos(100_000);
		}
		return this.server.requestCount();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private String render(int page, String pad) {
		StringBuilder json = new StringBuilder(200 * this.pageSize + pad.length() + 200).append("{\"data\":[");
		for (int i = 0; i < this.pageSize; i++) {
			token(json.append((i > 0) ? "," : ""), (long) page * this.pageSize + i);
		}
		json.append("],\"paging\":{\"next\":");
		if (page + 1 < this.pages.length) {
			json.append('"').append(link(page + 1)).append(pad).append('"');
		}
		else {
			json.append("null");
		}
		json.append(",\"previous\":").append((page > 0) ? '"' + link(page - 1) + '"' : "null");
		return json.append("}}").toString();
	}

	private String link(int page) {
		return baseUrl() + PATH + "?page=" + (page + this.firstNumber) + "&size=" + this.pageSize;
	}

	private static StringBuilder token(StringBuilder json, long n) {
		return json.append("{\"tokenKey\":\"")
			.append(new UUID(0x6c616772656c6c6fL, n))
			.append("\",\"tokenName\":\"token-")
			.append(n)
			.append("\",\"createdBy\":\"admin@example.com\",\"createdAt\":\"")
			.append(Instant.ofEpochSecond(1_700_000_000L + n))
			.append("\",\"permissions\":")
			.append((n % 3 == 0) ? "[\"READ\",\"WRITE\"]" : "[\"READ\"]")
			.append('}');
	}

	private Reply answer(ReceivedRequest request) {
		if (!AUTHORIZATION.equals(request.authorization())) {
			return this.unauthorized;
		}
		String path = request.path();
		if (request.method().equals("DELETE") && path.startsWith(PATH + "/")) {
			return this.deleted;
		}
		if (!PATH.equals(path)) {
			return this.notFound;
		}
		if (request.method().equals("POST")) {
			return this.created;
		}
		String query = request.query();
		String parameters = (query == null) ? "" : "&" + query + "&";
		int page = number(parameters, "&page=", this.firstNumber) - this.firstNumber;
		if (number(parameters, "&size=", -1) != this.pageSize || page < 0 || page >= this.pages.length) {
			return this.badRequest;
		}
		return this.pages[page];
	}

	private static int number(String parameters, String name, int absent) {
		int start = parameters.indexOf(name);
		if (start < 0) {
			return absent;
		}
		start += name.length();
		try {
			return Integer.parseInt(parameters, start, parameters.indexOf('&', start), 10);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
