package com.lagrello.client;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an HTTP error answer into a {@link LagrelloApiException}, reading the API's
 * {@code Error} body when there is one.
 */
final class ErrorAnswers {

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	// the API's own wire format, whatever an application's JSON settings say
	private static final JsonMapper JSON = JsonMapper.shared();

	private ErrorAnswers() {
	}

	/**
	 * Reads the answer to a request that carried the given secrets (its access token, the
	 * key of the token it deletes), which are redacted from whatever the server says.
	 */
	static Mono<Throwable> toException(String operation, ClientResponse response, String... secrets) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		String requestId = headers.getFirst(REQUEST_ID_HEADER);
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), Clock.systemUTC());
		MediaType contentType = headers.getContentType();
		// read as bytes: a decoder of objects logs what it decoded at DEBUG, before the
		// token the body may echo is redacted
		Mono<ApiError> body = isJson(contentType) ? response.bodyToMono(byte[].class)
			.mapNotNull(ErrorAnswers::read)
			.onErrorResume((unreadable) -> Mono.empty()) : response.releaseBody().then(Mono.empty());
		return body.map((error) -> newException(operation, status, error, requestId, retryAfter, secrets))
			.switchIfEmpty(
					Mono.fromSupplier(() -> newException(operation, status, null, requestId, retryAfter, secrets)));
	}

	/**
	 * Also {@code application/problem+json} and the like; {@link JsonByDefault} has made
	 * a missing content type JSON and a malformed one {@code application/octet-stream}.
	 */
	static boolean isJson(@Nullable MediaType contentType) {
		return contentType != null && (MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
				|| "json".equals(contentType.getSubtypeSuffix()));
	}

	private static @Nullable ApiError read(byte[] body) {
		try {
			return JSON.readValue(body, ApiError.class);
		}
		catch (JacksonException notAnApiError) {
			return null;
		}
	}

	private static Throwable newException(String operation, int status, @Nullable ApiError error,
			@Nullable String requestId, @Nullable Duration retryAfter, String[] secrets) {
		// a server may echo the token it refused, or the key it could not delete: neither
		// may reach a message or log
		String errorType = (error != null) ? Secrets.redact(error.errorType(), secrets) : null;
		String message = (error != null) ? Secrets.redact(error.message(), secrets) : null;
		return new LagrelloApiException(operation, status, errorType, message, Secrets.redact(requestId, secrets),
				retryAfter);
	}

}
