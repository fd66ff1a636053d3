package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.lagrello.fake.ReceivedRequest;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;

/**
 * A loopback server, scripted on the fake's {@link ScriptedServer}, that answers each raw
 * request URI (path and query, exactly as received) with a scripted status and body,
 * after a delay on a timer; any other URI gets a page with one token named
 * {@code not-a-servers-link} and no next. Records the URIs and the most requests in
 * flight at once.
 */
final class ScriptedPageServer implements AutoCloseable {

	private final Map<String, Reply> answers = new ConcurrentHashMap<>();

	private final ScriptedServer server;

	ScriptedPageServer(Duration delay) {
		Reply otherwise = Reply.json(200, ApiExamples.page("not-a-servers-link", 1, null));
		this.server = ScriptedServer
			.start((request) -> this.answers.getOrDefault(request.uri(), otherwise).after(delay));
	}

	/** Answers that exact path and query with a page of one token {@code name-1}. */
	ScriptedPageServer page(String uri, String name, String next) {
		this.answers.put(uri, Reply.json(200, ApiExamples.page(name, 1, next)));
		return this;
	}

	/** Answers that exact path and query with the given status and an Error body. */
	ScriptedPageServer failing(String uri, int status) {
		this.answers.put(uri, Reply.error(status, "INVALID_REQUEST", "scripted"));
		return this;
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

	@Override
	public void close() {
		this.server.close();
	}

}
