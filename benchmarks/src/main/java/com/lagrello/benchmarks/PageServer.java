package com.lagrello.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A fast local Lagrello Tokens API that serves pre-rendered pages from byte arrays on
 * {@code 127.0.0.1}: {@code GET /v1/tokens?size=N} is the first page,
 * {@code GET /v1/tokens?page=P&size=N} page {@code P}, every page links the next one with
 * an absolute {@code paging.next}, and the last one has none.
 * <p>
 * It runs on event loops of its own, so that a client that blocks its event loops does
 * not block the server too. Every answer completes asynchronously (in a later task of the
 * connection's event loop, or after the simulated latency): reactor-netty 1.3.6 can stop
 * reading a reused keep-alive connection after an answer that completes synchronously
 * (reactor/reactor-netty#4361).
 */
public final class PageServer implements AutoCloseable {

	/** The bearer token the server expects. */
	public static final String ACCESS_TOKEN = "bench-access-token-0123456789";

	private static final String EXPECTED_AUTHORIZATION = "Bearer " + ACCESS_TOKEN;

	private static final String PATH = "/v1/tokens";

	private static final byte[] UNAUTHORIZED = json("{\"errorType\":\"UNAUTHORIZED\",\"message\":\"bad token\"}");

	private static final byte[] BAD_REQUEST = json("{\"errorType\":\"BAD_REQUEST\",\"message\":\"bad query\"}");

	private static final byte[] NOT_FOUND = json("{\"errorType\":\"NOT_FOUND\",\"message\":\"no such path\"}");

	private final int pageCount;

	private final int pageSize;

	private final Duration latency;

	private final LoopResources loops;

	private final DisposableServer server;

	private final LongAdder requests = new LongAdder();

	private final LongAdder connections = new LongAdder();

	private volatile byte[][] pages = new byte[0][];

	private volatile byte[] emptyPage = new byte[0];

	private PageServer(int pageCount, int pageSize, Duration latency) {
		this.pageCount = pageCount;
		this.pageSize = pageSize;
		this.latency = latency;
		this.loops = LoopResources.create("bench-server", 1, 2, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.doOnChannelInit((observer, channel, address) -> this.connections.increment())
			.handle(this::handle)
			.bindNow(Duration.ofSeconds(10));
		render();
	}

	/**
	 * Starts a server on an ephemeral port of {@code 127.0.0.1}.
	 * @param pageCount how many pages there are
	 * @param pageSize tokens per page, also the only {@code size} the server accepts
	 * @param latency time added before every answer, {@link Duration#ZERO} for none
	 * @return the running server
	 */
	public static PageServer start(int pageCount, int pageSize, Duration latency) {
		return new PageServer(pageCount, pageSize, latency);
	}

	/**
	 * Returns the origin to point clients at, such as {@code http://127.0.0.1:40123}.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	/**
	 * Returns the URL of the first page, as {@code listAll} asks for it.
	 * @return the first page's URL
	 */
	public String firstPageUrl() {
		return baseUrl() + PATH + "?size=" + this.pageSize;
	}

	/**
	 * Returns how many pages the server has.
	 * @return the page count
	 */
	public int pageCount() {
		return this.pageCount;
	}

	/**
	 * Returns the tokens per page.
	 * @return the page size
	 */
	public int pageSize() {
		return this.pageSize;
	}

	/**
	 * Returns how many tokens all pages hold.
	 * @return the token count
	 */
	public long tokenCount() {
		return (long) this.pageCount * this.pageSize;
	}

	/**
	 * Returns how many requests the server has answered or is answering.
	 * @return the request count
	 */
	public long requests() {
		return this.requests.sum();
	}

	/**
	 * Returns how many connections clients have opened to the server.
	 * @return the connection count
	 */
	public long connections() {
		return this.connections.sum();
	}

	/**
	 * Returns how many bytes the pre-rendered pages take.
	 * @return the bytes of all pages
	 */
	public long renderedBytes() {
		long bytes = 0;
		for (byte[] page : this.pages) {
			bytes += page.length;
		}
		return bytes;
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(10));
		// no quiet period: nothing is in flight once the benchmark closes the server
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	private void render() {
		String origin = baseUrl().toString();
		byte[][] rendered = new byte[this.pageCount][];
		for (int page = 0; page < this.pageCount; page++) {
			rendered[page] = json(renderPage(origin, page));
		}
		this.emptyPage = json("{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}");
		this.pages = rendered;
	}

	private String renderPage(String origin, int page) {
		StringBuilder json = new StringBuilder(256 * this.pageSize);
		json.append("{\"data\":[");
		for (int i = 0; i < this.pageSize; i++) {
			long n = (long) page * this.pageSize + i;
			if (i > 0) {
				json.append(',');
			}
			json.append("{\"tokenKey\":\"")
				.append(new UUID(0x6c616772656c6c6fL, n))
				.append("\",\"tokenName\":\"token-")
				.append(n)
				.append("\",\"createdBy\":\"admin@example.com\",\"createdAt\":\"")
				.append(Instant.ofEpochSecond(1_700_000_000L + n))
				.append("\",\"permissions\":")
				.append((n % 3 == 0) ? "[\"READ\",\"WRITE\"]" : "[\"READ\"]")
				.append('}');
		}
		json.append("],\"paging\":{\"next\":");
		link(json, origin, (page + 1 < this.pageCount) ? page + 1 : -1);
		json.append(",\"previous\":");
		link(json, origin, page - 1);
		json.append("}}");
		return json.toString();
	}

	private void link(StringBuilder json, String origin, int page) {
		if (page < 0) {
			json.append("null");
		}
		else {
			json.append('"')
				.append(origin)
				.append(PATH)
				.append("?page=")
				.append(page)
				.append("&size=")
				.append(this.pageSize)
				.append('"');
		}
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.requests.increment();
		EventLoop[] eventLoop = new EventLoop[1];
		response.withConnection((connection) -> eventLoop[0] = connection.channel().eventLoop());
		if (!EXPECTED_AUTHORIZATION.equals(request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
			return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED, eventLoop[0]);
		}
		String uri = request.uri();
		int query = uri.indexOf('?');
		String path = (query < 0) ? uri : uri.substring(0, query);
		if (!PATH.equals(path)) {
			return send(response, HttpResponseStatus.NOT_FOUND, NOT_FOUND, eventLoop[0]);
		}
		int page = 0;
		int size = -1;
		if (query >= 0) {
			for (String parameter : uri.substring(query + 1).split("&")) {
				int equals = parameter.indexOf('=');
				String name = (equals < 0) ? parameter : parameter.substring(0, equals);
				String value = (equals < 0) ? "" : parameter.substring(equals + 1);
				try {
					if (name.equals("page")) {
						page = Integer.parseInt(value);
					}
					else if (name.equals("size")) {
						size = Integer.parseInt(value);
					}
				}
				catch (NumberFormatException ex) {
					return send(response, HttpResponseStatus.BAD_REQUEST, BAD_REQUEST, eventLoop[0]);
				}
			}
		}
		if (size != this.pageSize || page < 0) {
			return send(response, HttpResponseStatus.BAD_REQUEST, BAD_REQUEST, eventLoop[0]);
		}
		byte[][] all = this.pages;
		byte[] body = (page < all.length) ? all[page] : this.emptyPage;
		return send(response, HttpResponseStatus.OK, body, eventLoop[0]);
	}

	private Publisher<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body,
			EventLoop eventLoop) {
		response.status(status)
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
		Mono<ByteBuf> answer;
		if (!this.latency.isZero()) {
			answer = Mono.delay(this.latency).map((tick) -> Unpooled.wrappedBuffer(body));
		}
		else {
			// a later task of the same event loop: asynchronous, yet no thread hop
			answer = Mono.create((sink) -> eventLoop.execute(() -> sink.success(Unpooled.wrappedBuffer(body))));
		}
		return response.sendObject(answer);
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
