package com.lagrello.fake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GenericFutureListener;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * An HTTP server on {@code 127.0.0.1} whose every answer a {@link Script} gives, for
 * tests that need answers the stateful {@link FakeLagrello} does not give: pages shaped
 * by the test, statuses, delays, connections closed unanswered. <pre class="code">
 * try (ScriptedServer server = ScriptedServer.start((request) -&gt; Reply.json(200, page(request)).after(delay))) {
 *     TokensClient client = TokensClient.builder().baseUrl(server.baseUrl()).accessToken("t").build();
 *     ...
 *     assertThat(server.requests()).extracting(ReceivedRequest::uri).containsExactly("/v1/tokens?size=2");
 *     assertThat(server.mostInFlight()).isEqualTo(2);
 * }
 * </pre> It records every request before it answers (see {@link #requests()}), counts the
 * requests in flight (arrived, not yet answered) and the connections, and answers every
 * request in a later task of its connection's event loop, never while the request is
 * being read, and without blocking a thread while a reply waits for its delay. It is
 * thread-safe; it can be started again after {@link #close()}.
 */
public final class ScriptedServer implements AutoCloseable {

	/** The address the server listens on. */
	public static final String HOST = "127.0.0.1";

	private static final Logger logger = LoggerFactory.getLogger(ScriptedServer.class);

	private static final byte[] INTERNAL_ERROR = ApiBodies
		.error("INTERNAL_ERROR", "The fake Lagrello server failed: see its log")
		.getBytes(StandardCharsets.UTF_8);

	private final Script script;

	private final int requestedPort;

	private final int eventLoops;

	private final int maxInitialLineLength;

	private final boolean recording;

	// guarded by itself
	private final List<ReceivedRequest> requests = new ArrayList<>();

	private final LongAdder arrived = new LongAdder();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final AtomicInteger openConnections = new AtomicInteger();

	private final AtomicInteger connectionsOpened = new AtomicInteger();

	private volatile @Nullable Running running;

	private ScriptedServer(Builder builder, Script script) {
		this.script = script;
		this.requestedPort = builder.port;
		this.eventLoops = builder.eventLoops;
		this.maxInitialLineLength = builder.maxInitialLineLength;
		this.recording = builder.recording;
	}

	/**
	 * Starts a server on a free port with the default settings.
	 * @param script what it answers
	 * @return the running server
	 */
	public static ScriptedServer start(Script script) {
		return builder().start(script);
	}

	/**
	 * Starts configuring a server.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts listening, unless it already does.
	 * @return this server
	 */
	public synchronized ScriptedServer start() {
		if (this.running == null) {
			LoopResources loops = (this.eventLoops > 0)
					? LoopResources.create("lagrello-fake", 1, this.eventLoops, true) : null;
			HttpServer server = HttpServer.create()
				.host(HOST)
				.port(this.requestedPort)
				.doOnChannelInit((observer, channel, remoteAddress) -> {
					this.connectionsOpened.incrementAndGet();
					this.openConnections.incrementAndGet();
					channel.closeFuture().addListener((closed) -> this.openConnections.decrementAndGet());
				})
				.httpRequestDecoder((spec) -> spec.maxInitialLineLength(this.maxInitialLineLength))
				.handle(this::handle);
			if (loops != null) {
				server = server.runOn(loops);
			}
			this.running = new Running(server.bindNow(Duration.ofSeconds(10)), loops);
		}
		return this;
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		long arrival = System.nanoTime();
		this.arrived.increment();
		this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		Channel[] channel = new Channel[1];
		request.withConnection((connection) -> channel[0] = connection.channel());
		Exchange exchange = new Exchange(channel[0]);
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			ReceivedRequest received = received(request, body, arrival, exchange.channel);
			if (this.recording) {
				synchronized (this.requests) {
					this.requests.add(received);
				}
			}
			return send(answer(received), exchange, response);
		}).doFinally((signal) -> exchange.settle());
	}

	private static ReceivedRequest received(HttpServerRequest request, String body, long arrival, Channel channel) {
		String target = request.uri();
		int query = target.indexOf('?');
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>(1))
				.add(header.getValue()));
		return new ReceivedRequest(request.method().name(), (query < 0) ? target : target.substring(0, query),
				(query < 0) ? null : target.substring(query + 1), headers, body, arrival, channel.id().asShortText());
	}

	private Reply answer(ReceivedRequest request) {
		try {
			return this.script.answer(request);
		}
		catch (RuntimeException | Error ex) {
			logger.warn("The script of {} failed on {}", this, request, ex);
			return Reply.json(500, INTERNAL_ERROR);
		}
	}

	/**
	 * Sends a reply in a later task of the connection's event loop, or on its timer: an
	 * answer written while the request is still being handled can stop reactor-netty
	 * 1.3.6 from reading the next request of a keep-alive connection
	 * (reactor/reactor-netty#4361). Staying on the same event loop costs no thread hop.
	 */
	private Mono<Void> send(Reply reply, Exchange exchange, HttpServerResponse response) {
		long delay = reply.delay().toNanos();
		Mono<Void> later = Mono.create((sink) -> {
			Runnable due = sink::success;
			EventLoop loop = exchange.channel.eventLoop();
			exchange.waiting((delay > 0) ? loop.schedule(due, delay, TimeUnit.NANOSECONDS) : loop.submit(due));
		});
		return later.then(Mono.defer(() -> {
			Supplier<Reply> deferred = reply.deferred();
			if (deferred != null) {
				return send(made(deferred), exchange, response);
			}
			// no longer in flight once answered: the client may send its next request
			// as soon as the answer arrives, before this side hears it was written
			exchange.settle();
			return write(reply, exchange.channel, response);
		}));
	}

	private Reply made(Supplier<Reply> deferred) {
		try {
			return deferred.get();
		}
		catch (RuntimeException | Error ex) {
			logger.warn("The delayed reply of {} failed", this, ex);
			return Reply.json(500, INTERNAL_ERROR);
		}
	}

	private static Mono<Void> write(Reply reply, Channel channel, HttpServerResponse response) {
		if (reply.closesConnection()) {
			channel.close();
			// never completes: closing the connection ends the exchange, and completing
			// would try to write an answer
			return Mono.never();
		}
		response.status(HttpResponseStatus.valueOf(reply.statusCode()));
		reply.headers().forEach(response::header);
		byte[] body = reply.bodyBytes();
		if (body.length == 0) {
			return response.send().then();
		}
		return response.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
			.sendObject(Unpooled.wrappedBuffer(body))
			.then();
	}

	/**
	 * Stops listening. The recorded requests are kept.
	 */
	@Override
	public synchronized void close() {
		Running stopping = this.running;
		if (stopping != null) {
			this.running = null;
			stopping.server.disposeNow(Duration.ofSeconds(5));
			if (stopping.loops != null) {
				stopping.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
			}
		}
	}

	/**
	 * Whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public int port() {
		Running current = this.running;
		if (current == null) {
			throw new IllegalStateException("The fake Lagrello server is not running: call start() first");
		}
		return current.server.port();
	}

	/**
	 * Returns the server's origin.
	 * @return for example {@code http://127.0.0.1:54321}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI baseUrl() {
		return URI.create("http://" + HOST + ":" + port());
	}

	/**
	 * Returns the requests received so far, in order of arrival of their bodies, whatever
	 * was answered; empty when the server was built not to record them.
	 * @return a snapshot of the requests
	 */
	public List<ReceivedRequest> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/**
	 * Forgets the recorded requests; the counts stay.
	 */
	public void clearRequests() {
		synchronized (this.requests) {
			this.requests.clear();
		}
	}

	/**
	 * Returns how many requests arrived since the server was built, recorded or not.
	 * @return the number of requests
	 */
	public long requestCount() {
		return this.arrived.sum();
	}

	/**
	 * Returns how many requests arrived and are not answered yet; a request whose
	 * connection closed counts as answered.
	 * @return the requests in flight now
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Returns the most requests that were in flight at once.
	 * @return the highest {@link #inFlight()} seen
	 */
	public int mostInFlight() {
		return this.mostInFlight.get();
	}

	/**
	 * Returns how many connections are open now.
	 * @return the open connections
	 */
	public int openConnections() {
		return this.openConnections.get();
	}

	/**
	 * Returns how many connections clients opened since the server was built.
	 * @return the connections opened
	 */
	public int connectionsOpened() {
		return this.connectionsOpened.get();
	}

	@Override
	public String toString() {
		Running current = this.running;
		return "ScriptedServer[" + ((current != null) ? "http://" + HOST + ":" + current.server.port() : "stopped")
				+ "]";
	}

	/**
	 * One request on its way to an answer: in flight until answered or until its
	 * connection closes, whichever comes first (a closed connection does not cancel the
	 * handler, so the close is watched too); a reply still waiting for its time is
	 * dropped with the connection.
	 */
	private final class Exchange {

		private final Channel channel;

		private final AtomicBoolean settled = new AtomicBoolean();

		private final GenericFutureListener<io.netty.util.concurrent.Future<? super Void>> onClose = (
				closed) -> closed();

		private volatile @Nullable Future<?> waiting;

		Exchange(Channel channel) {
			this.channel = channel;
			channel.closeFuture().addListener(this.onClose);
		}

		void waiting(Future<?> task) {
			this.waiting = task;
		}

		void settle() {
			if (this.settled.compareAndSet(false, true)) {
				ScriptedServer.this.inFlight.decrementAndGet();
				this.channel.closeFuture().removeListener(this.onClose);
			}
		}

		private void closed() {
			Future<?> task = this.waiting;
			if (task != null) {
				task.cancel(false);
			}
			settle();
		}

	}

	private record Running(DisposableServer server, @Nullable LoopResources loops) {
	}

	/**
	 * Configures a {@link ScriptedServer}.
	 */
	public static final class Builder {

		private int port;

		private int eventLoops;

		private int maxInitialLineLength = 4096;

		private boolean recording = true;

		private Builder() {
		}

		/**
		 * Sets the port; {@code 0} (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be from 0 to 65535, but is " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Runs the server on event loops of its own, for example so that a benchmark does
		 * not share the client's; by default it uses reactor-netty's shared ones.
		 * @param eventLoops how many threads, at least 1
		 * @return this builder
		 */
		public Builder eventLoops(int eventLoops) {
			if (eventLoops < 1) {
				throw new IllegalArgumentException("eventLoops must be at least 1, but is " + eventLoops);
			}
			this.eventLoops = eventLoops;
			return this;
		}

		/**
		 * Sets the longest request line the server reads, 4096 characters by default.
		 * @param maxInitialLineLength the length, at least 256
		 * @return this builder
		 */
		public Builder maxInitialLineLength(int maxInitialLineLength) {
			if (maxInitialLineLength < 256) {
				throw new IllegalArgumentException(
						"maxInitialLineLength must be at least 256, but is " + maxInitialLineLength);
			}
			this.maxInitialLineLength = maxInitialLineLength;
			return this;
		}

		/**
		 * Sets whether the server keeps every request for {@link #requests()}; on by
		 * default. Off, a long run (a benchmark) keeps no memory per request; the counts
		 * go on.
		 * @param recording whether to record the requests
		 * @return this builder
		 */
		public Builder recording(boolean recording) {
			this.recording = recording;
			return this;
		}

		/**
		 * Builds a server that is not started yet.
		 * @param script what it answers
		 * @return a new server
		 */
		public ScriptedServer build(Script script) {
			if (script == null) {
				throw new IllegalArgumentException("script must not be null");
			}
			return new ScriptedServer(this, script);
		}

		/**
		 * Builds and starts a server.
		 * @param script what it answers
		 * @return a new, running server
		 */
		public ScriptedServer start(Script script) {
			return build(script).start();
		}

	}

}
