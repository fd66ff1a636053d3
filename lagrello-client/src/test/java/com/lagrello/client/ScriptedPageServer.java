package com.lagrello.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback server that answers each raw request URI (path and query, exactly as
 * received) with a scripted status and body, after a delay on a timer; any other URI gets
 * a page with one token named {@code not-a-servers-link} and no next. Records the URIs
 * and the most requests in flight at once.
 */
final class ScriptedPageServer implements AutoCloseable {

	private record Answer(int status, String body) {
	}

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<String> uris = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final DisposableServer server;

	ScriptedPageServer(Duration delay) {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			this.uris.add(request.uri());
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			Answer answer = this.answers.getOrDefault(request.uri(),
					new Answer(200, ApiExamples.page("not-a-servers-link", 1, null)));
			java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
			Runnable settle = () -> {
				if (settled.compareAndSet(false, true)) {
					this.inFlight.decrementAndGet();
				}
			};
			return Mono.delay(delay)
				.doOnSuccess((tick) -> settle.run())
				.doOnCancel(settle)
				.then(response.status(answer.status())
					.header("Content-Type", "application/json")
					.sendString(Mono.just(answer.body()), StandardCharsets.UTF_8)
					.then());
		}).bindNow();
	}

	/** Answers that exact path and query with a page of one token {@code name-1}. */
	ScriptedPageServer page(String uri, String name, String next) {
		this.answers.put(uri, new Answer(200, ApiExamples.page(name, 1, next)));
		return this;
	}

	/** Answers that exact path and query with the given status and an Error body. */
	ScriptedPageServer failing(String uri, int status) {
		this.answers.put(uri, new Answer(status, "{\"errorType\":\"INVALID_REQUEST\",\"message\":\"scripted\"}"));
		return this;
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

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
