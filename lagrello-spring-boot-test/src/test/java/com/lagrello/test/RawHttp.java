package com.lagrello.test;

import java.net.URI;
import java.time.Duration;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests the {@link com.lagrello.client.TokensClient} refuses to send (no token,
 * invalid arguments, odd methods) and shows the raw answer.
 */
final class RawHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI baseUrl;

	private final HttpClient client;

	RawHttp(URI baseUrl) {
		this(baseUrl, HttpClient.create());
	}

	RawHttp(URI baseUrl, HttpClient client) {
		this.baseUrl = baseUrl;
		this.client = client;
	}

	Response get(String target, @Nullable String authorization) {
		return exchange("GET", target, authorization, null).block(Duration.ofSeconds(10));
	}

	Response send(String method, String target, @Nullable String authorization, @Nullable String body) {
		return exchange(method, target, authorization, body).block(Duration.ofSeconds(10));
	}

	Response send(String method, String target, @Nullable String authorization, String body, String contentType) {
		return exchange(method, target, authorization, body, contentType).block(Duration.ofSeconds(10));
	}

	Mono<Response> exchange(String method, String target, @Nullable String authorization, @Nullable String body) {
		return exchange(method, target, authorization, body, "application/json");
	}

	private Mono<Response> exchange(String method, String target, @Nullable String authorization, @Nullable String body,
			String contentType) {
		return this.client.baseUrl(this.baseUrl.toString()).headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, authorization);
			}
			if (body != null) {
				headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
			}
		})
			.request(HttpMethod.valueOf(method))
			.uri(target)
			.send((request, outbound) -> (body != null) ? outbound.send(ByteBufFlux.fromString(Mono.just(body)))
					: outbound)
			.responseSingle((response, content) -> content.asString()
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), response.responseHeaders(), text)));
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	/**
	 * An answer as received.
	 */
	record Response(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		@Nullable String contentType() {
			return this.headers.get(HttpHeaderNames.CONTENT_TYPE);
		}

	}

}
