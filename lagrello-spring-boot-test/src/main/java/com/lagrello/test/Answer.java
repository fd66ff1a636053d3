package com.lagrello.test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * What the fake answers to one request: a status, extra headers and an optional JSON
 * body.
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param json the JSON body, or {@code null} for none
 */
record Answer(int status, Map<String, String> headers, @Nullable String json) {

	static Answer of(int status, String json) {
		return new Answer(status, Map.of(), json);
	}

	static Answer noContent() {
		return new Answer(204, Map.of(), null);
	}

	Answer withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Answer(this.status, Map.copyOf(more), this.json);
	}

	Mono<Void> writeTo(HttpServerResponse response) {
		response.status(HttpResponseStatus.valueOf(this.status));
		this.headers.forEach(response::header);
		if (this.json == null) {
			return response.send().then();
		}
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(this.json), StandardCharsets.UTF_8)
			.then();
	}

}
