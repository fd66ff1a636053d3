package com.lagrello.client;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * Gives every answer a content type that the rest of the exchange can parse. One without
 * {@code Content-Type} is read as JSON, the only format the API speaks, instead of
 * failing as {@code application/octet-stream}. A malformed one (say {@code json}) becomes
 * {@code application/octet-stream}: WebClient parses the header before it looks at the
 * status, so it would otherwise turn a {@code 503} or a body-less {@code 200} into a
 * parse error. A valid type, such as a proxy's HTML page, is kept.
 */
final class JsonByDefault {

	static final ExchangeFilterFunction FILTER = ExchangeFilterFunction.ofResponseProcessor(JsonByDefault::process);

	private JsonByDefault() {
	}

	private static Mono<ClientResponse> process(ClientResponse response) {
		List<String> declared = response.headers().header(HttpHeaders.CONTENT_TYPE);
		if (declared.isEmpty()) {
			return Mono.just(withContentType(response, MediaType.APPLICATION_JSON));
		}
		try {
			MediaType.parseMediaType(declared.get(0));
			return Mono.just(response);
		}
		catch (InvalidMediaTypeException malformed) {
			return Mono.just(withContentType(response, MediaType.APPLICATION_OCTET_STREAM));
		}
	}

	private static ClientResponse withContentType(ClientResponse response, MediaType contentType) {
		return response.mutate().headers((headers) -> headers.setContentType(contentType)).build();
	}

}
