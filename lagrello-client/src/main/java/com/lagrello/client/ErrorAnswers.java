package com.lagrello.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
	 * Reads the answer to a request that carried the given access token, which is
	 * redacted from whatever the server says, with the other secrets.
	 */
	static Mono<Throwable> toException(String operation, ClientResponse response, String accessToken,
			List<String> otherSecrets) {
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
		Secret secret = new Secret(accessToken, otherSecrets);
		return body.map((error) -> newException(operation, status, error, requestId, retryAfter, secret))
			.switchIfEmpty(
					Mono.fromSupplier(() -> newException(operation, status, null, requestId, retryAfter, secret)));
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
			@Nullable String requestId, @Nullable Duration retryAfter, Secret secret) {
		// a server may echo the token it refused: it must not reach a message or log
		String errorType = (error != null) ? secret.redact(error.errorType()) : null;
		String message = (error != null) ? secret.redact(error.message()) : null;
		return new LagrelloApiException(operation, status, errorType, message, secret.redact(requestId), retryAfter);
	}

	/**
	 * What is redacted from an answer: the access token and the other secrets.
	 */
	private record Secret(String accessToken, List<String> others) {

		@Nullable String redact(@Nullable String text) {
			return Secrets.redact(text, this.accessToken, this.others);
		}

	}

}
