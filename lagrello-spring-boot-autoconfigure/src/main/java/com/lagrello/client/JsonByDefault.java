package com.lagrello.client;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Reads an answer without {@code Content-Type} as JSON, the only format the API speaks,
 * instead of failing it as {@code application/octet-stream}. An answer that declares
 * another type, such as a proxy's HTML page, keeps it.
 */
final class JsonByDefault {

	static final ExchangeFilterFunction FILTER = ExchangeFilterFunction.ofResponseProcessor(JsonByDefault::process);

	private JsonByDefault() {
	}

	private static Mono<ClientResponse> process(ClientResponse response) {
		if (response.headers().contentType().isPresent()) {
			return Mono.just(response);
		}
		return Mono.just(response.mutate().headers((headers) -> headers.setContentType(MediaType.APPLICATION_JSON)).build());
	}

}
