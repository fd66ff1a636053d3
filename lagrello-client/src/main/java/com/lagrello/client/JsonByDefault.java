package com.lagrello.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * Gives every answer a content type that the rest of the exchange can parse. One without
 * {@code Content-Type} is read as JSON, the only format the API speaks, instead of
 * failing as {@code application/octet-stream}. A malformed one (say {@code json}) becomes
 * {@code application/octet-stream}: WebClient parses the header before it looks at the
 * status, so it would otherwise turn a {@code 503} or a body-less {@code 200} into a
 * parse error. A valid type, such as a proxy's HTML page, is kept.
 */
final class JsonByDefault {

	// a map, not ofResponseProcessor's flatMap: it runs on every answer
	static final ExchangeFilterFunction FILTER = (request, next) -> next.exchange(request).map(JsonByDefault::process);

	private JsonByDefault() {
	}

	private static ClientResponse process(ClientResponse response) {
		String declared = response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		if (declared == null) {
			return withContentType(response, MediaType.APPLICATION_JSON);
		}
		try {
			MediaType.parseMediaType(declared);
			return response;
		}
		catch (InvalidMediaTypeException malformed) {
			return withContentType(response, MediaType.APPLICATION_OCTET_STREAM);
		}
	}

	private static ClientResponse withContentType(ClientResponse response, MediaType contentType) {
		return response.mutate().headers((headers) -> headers.setContentType(contentType)).build();
	}

}
