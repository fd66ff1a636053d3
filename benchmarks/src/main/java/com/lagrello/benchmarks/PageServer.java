package com.lagrello.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fast local Tokens API on {@code 127.0.0.1} that answers from pre-rendered byte
 * arrays: {@code GET /v1/tokens?size=N} is the first page, {@code GET
 * /v1/tokens?page=P&size=N} page {@code P}, counted from 0 (the first page links to
 * {@code page=1}) or, optionally, from 1 (it links to {@code page=2}); each page links
 * the next with an absolute {@code paging.next} (the last has none),
 * {@code POST /v1/tokens} answers {@code 201} with one token and {@code DELETE
 * /v1/tokens/{id}} {@code 204}. Optionally every answer is sent a fixed delay later, on
 * the event loop's timer (no thread waits), to play a distant API.
 * <p>
 * It runs on two event loops of its own. Every answer completes in a later task of its
 * connection's event loop, never synchronously: reactor-netty 1.3.6 can stop reading a
 * reused keep-alive connection after a synchronous answer (reactor/reactor-netty#4361).
 */
public final class PageServer implements AutoCloseable {

	/** The bearer token the server expects. */
	public static final String ACCESS_TOKEN = "bench-access-token-0123456789";

	private static final String AUTHORIZATION = "Bearer " + ACCESS_TOKEN;

	private static final String PATH = "/v1/tokens";

	private static final byte[] UNAUTHORIZED = bytes("{\"errorType\":\"UNAUTHORIZED\",\"message\":\"bad token\"}");

	private static final byte[] BAD_REQUEST = bytes("{\"errorType\":\"BAD_REQUEST\",\"message\":\"bad query\"}");

	private static final byte[] NOT_FOUND = bytes("{\"errorType\":\"NOT_FOUND\",\"message\":\"no such path\"}");

	private final int pageSize;

	private final LoopResources loops = LoopResources.create("bench-server", 1, 2, true);

	private final DisposableServer server;

	private final LongAdder requests = new LongAdder();

	private final byte[][] pages;

	private final byte[] created;

	private final long answerDelayNanos;

	private final int firstNumber;

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
		this.answerDelayNanos = answerDelay.toNanos();
		this.firstNumber = firstNumber;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.httpRequestDecoder((spec) -> spec.maxInitialLineLength(linkPadding + 4096))
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
		String pad = (linkPadding > 0) ? "&pad=" + "x".repeat(linkPadding) : "";
		this.pages = new byte[pageCount][];
		for (int page = 0; page < pageCount; page++) {
			this.pages[page] = bytes(render(page, pad));
		}
		this.created = bytes(token(new StringBuilder(), -1).toString());
	}

	/**
	 * Returns the origin to point clients at, such as {@code http://127.0.0.1:40123}.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
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
		return this.requests.sum();
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
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

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.requests.increment();
		EventLoop[] loop = new EventLoop[1];
		response.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
		// read the body, if any, before answering (then() alone would release its buffers
		// twice)
		Mono<Void> body = request.receive().asByteArray().then();
		if (!AUTHORIZATION.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
			return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED, loop[0], body);
		}
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		if (request.method().equals(HttpMethod.DELETE) && path.startsWith(PATH + "/")) {
			return send(response, HttpResponseStatus.NO_CONTENT, new byte[0], loop[0], body);
		}
		if (!PATH.equals(path)) {
			return send(response, HttpResponseStatus.NOT_FOUND, NOT_FOUND, loop[0], body);
		}
		if (request.method().equals(HttpMethod.POST)) {
			return send(response, HttpResponseStatus.CREATED, this.created, loop[0], body);
		}
		String parameters = (query < 0) ? "" : "&" + uri.substring(query + 1) + "&";
		int page = number(parameters, "&page=", this.firstNumber) - this.firstNumber;
		if (number(parameters, "&size=", -1) != this.pageSize || page < 0 || page >= this.pages.length) {
			return send(response, HttpResponseStatus.BAD_REQUEST, BAD_REQUEST, loop[0], body);
		}
		return send(response, HttpResponseStatus.OK, this.pages[page], loop[0], body);
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

	private Publisher<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body, EventLoop loop,
			Mono<Void> requestBody) {
		// the whole answer, headers included, in a later task of the same event loop or
		// on its timer: asynchronous, yet no thread hop (a body-less 204 is complete with
		// its headers, so delaying the body alone would not delay it)
		long delay = this.answerDelayNanos;
		Mono<Void> later = Mono.create((sink) -> {
			Runnable answer = () -> sink.success();
			if (delay > 0) {
				loop.schedule(answer, delay, TimeUnit.NANOSECONDS);
			}
			else {
				loop.execute(answer);
			}
		});
		return requestBody.then(later).then(Mono.defer(() -> {
			response.status(status).header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
			if (body.length == 0) {
				return response.send().then();
			}
			return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendObject(Unpooled.wrappedBuffer(body))
				.then();
		}));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
