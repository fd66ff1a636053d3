package com.lagrello.client.call;

import java.time.Clock;
import java.time.Duration;

import com.lagrello.client.LagrelloApiException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Turns an HTTP error answer into a {@link LagrelloApiException}, reading the API's
 * {@code Error} body when there is one.
 */
public final class ErrorAnswers {

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	// the API's own wire format, whatever an application's JSON settings say
	private static final JsonMapper JSON = JsonMapper.shared();

	private ErrorAnswers() {
	}

	/**
	 * Reads the error answer to an attempt, whose secrets are redacted from whatever the
	 * server says.
	 */
	public static Mono<Throwable> toException(Attempt attempt, ClientResponse response) {
		String operation = attempt.operation();
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
		return body.map((error) -> newException(operation, status, error, requestId, retryAfter, attempt))
			.switchIfEmpty(
					Mono.fromSupplier(() -> newException(operation, status, null, requestId, retryAfter, attempt)));
	}

	/**
	 * Also {@code application/problem+json} and the like; {@code JsonByDefault} has made
	 * a missing content type JSON and a malformed one {@code application/octet-stream}.
	 */
	public static boolean isJson(@Nullable MediaType contentType) {
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
			@Nullable String requestId, @Nullable Duration retryAfter, Attempt attempt) {
		// a server may echo the token it refused: it must not reach a message or log
		String errorType = (error != null) ? attempt.redact(error.errorType()) : null;
		String message = (error != null) ? attempt.redact(error.message()) : null;
		return new LagrelloApiException(operation, status, errorType, message, attempt.redact(requestId), retryAfter);
	}

}
