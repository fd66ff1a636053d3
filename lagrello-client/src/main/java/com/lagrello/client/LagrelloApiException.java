package com.lagrello.client;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with an HTTP error status (or a redirect, which the client does not
 * follow with the access token).
 * <p>
 * {@link #errorType()} and {@link #serverMessage()} come from the API's {@code Error}
 * body; both are {@code null} when the body is not one, for example an HTML page from a
 * proxy.
 */
public class LagrelloApiException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	private final String operation;

	private final int statusCode;

	private final @Nullable String errorType;

	private final @Nullable String serverMessage;

	private final @Nullable String requestId;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates an exception for an HTTP error answer.
	 * @param operation the API operation, for example {@code tokens/delete}
	 * @param statusCode the HTTP status
	 * @param errorType the {@code errorType} of the API's error body, or {@code null}
	 * @param serverMessage the {@code message} of the API's error body, or {@code null}
	 * @param requestId the server's request id header, or {@code null}
	 * @param retryAfter the server's {@code Retry-After} hint, or {@code null}
	 */
	public LagrelloApiException(String operation, int statusCode, @Nullable String errorType,
			@Nullable String serverMessage, @Nullable String requestId, @Nullable Duration retryAfter) {
		super(describe(operation, statusCode, errorType, serverMessage, requestId), null);
		this.operation = operation;
		this.statusCode = statusCode;
		this.errorType = errorType;
		this.serverMessage = serverMessage;
		this.requestId = requestId;
		this.retryAfter = retryAfter;
	}

	/**
	 * Creates the copy of a failure that {@link #notRetried(String)} returns.
	 * @param failure the failure the call ended with
	 * @param notRetriedBecause why the client stopped retrying
	 */
	protected LagrelloApiException(LagrelloApiException failure, String notRetriedBecause) {
		super(failure, notRetriedBecause);
		this.operation = failure.operation;
		this.statusCode = failure.statusCode;
		this.errorType = failure.errorType;
		this.serverMessage = failure.serverMessage;
		this.requestId = failure.requestId;
		this.retryAfter = failure.retryAfter;
	}

	@Override
	public LagrelloApiException notRetried(String reason) {
		return new LagrelloApiException(this, reason);
	}

	private static String describe(String operation, int statusCode, @Nullable String errorType,
			@Nullable String serverMessage, @Nullable String requestId) {
		StringBuilder message = new StringBuilder(operation).append(" failed: HTTP ").append(statusCode);
		if (errorType != null) {
			message.append(" ").append(oneLine(errorType));
		}
		if (serverMessage != null && !serverMessage.isBlank()) {
			message.append(": ").append(oneLine(serverMessage));
		}
		else if (errorType == null) {
			message.append(" (the answer was not a Lagrello error body)");
		}
		if (statusCode >= 300 && statusCode < 400) {
			message.append("; redirects are not followed, so that the access token stays with the base URL");
		}
		if (requestId != null) {
			message.append(" [request id ").append(requestId).append("]");
		}
		return message.toString();
	}

	/**
	 * The server's text as one line: the message is logged, and a line break or a
	 * terminal escape in it would forge log lines. The accessors keep the text as sent.
	 */
	private static String oneLine(String text) {
		StringBuilder line = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		return line.toString();
	}

	/**
	 * Returns the API operation that failed.
	 * @return for example {@code tokens/list}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Returns the HTTP status of the answer.
	 * @return for example {@code 404}
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the {@code errorType} of the API's error body.
	 * @return the error type, or {@code null} when the body was not an API error
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/**
	 * Returns the {@code message} of the API's error body.
	 * @return the server's message, or {@code null} when the body was not an API error
	 */
	public @Nullable String serverMessage() {
		return this.serverMessage;
	}

	/**
	 * Returns the request id the server sent ({@code X-Request-Id}), to quote to support.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Returns how long the server asked the client to wait before trying again.
	 * @return the {@code Retry-After} hint, if the server sent one
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
