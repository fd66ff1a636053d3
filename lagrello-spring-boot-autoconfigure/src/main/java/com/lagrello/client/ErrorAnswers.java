package com.lagrello.client;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * Turns an HTTP error answer into a {@link LagrelloApiException}, reading the API's
 * {@code Error} body when there is one.
 */
final class ErrorAnswers {

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	private ErrorAnswers() {
	}

	static Mono<Throwable> toException(String operation, ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		String requestId = headers.getFirst(REQUEST_ID_HEADER);
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Clock.systemUTC());
		MediaType contentType = headers.getContentType();
		Mono<ApiError> body = (contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType))
				? response.bodyToMono(ApiError.class).onErrorResume((unreadable) -> Mono.empty())
				: response.releaseBody().then(Mono.empty());
		return body.map((error) -> newException(operation, status, error, requestId, retryAfter))
			.switchIfEmpty(Mono.fromSupplier(() -> newException(operation, status, null, requestId, retryAfter)));
	}

	private static Throwable newException(String operation, int status, ApiError error, String requestId,
			Duration retryAfter) {
		String errorType = (error != null) ? error.errorType() : null;
		String message = (error != null) ? error.message() : null;
		return new LagrelloApiException(operation, status, errorType, message, requestId, retryAfter);
	}

}
