package com.lagrello.client.call;

import java.net.ConnectException;
import java.net.URI;

import com.lagrello.client.LagrelloDecodingException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTransportException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.CodecException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.reactive.function.UnsupportedMediaTypeException;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Translates what WebClient, the connector and Reactor signal into
 * {@link LagrelloException}s, so that callers see one hierarchy whatever failed.
 */
public final class Failures {

	private final URI baseUrl;

	public Failures(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Translates a failure of a request that carried the given access token, which is
	 * redacted from whatever the failure says.
	 */
	public LagrelloException translate(Attempt attempt, Throwable failure) {
		String operation = attempt.operation();
		if (failure instanceof LagrelloException lagrello) {
			return lagrello;
		}
		Throwable cause = withoutRequest(failure);
		if (failure instanceof WebClientRequestException) {
			// no connection, or none from the pool: the request never left
			boolean connectFailed = hasCause(failure, ConnectException.class) || isPoolAcquireFailure(failure);
			String what = connectFailed ? "could not connect to " + this.baseUrl
					: "the connection to " + this.baseUrl + " failed before an answer arrived";
			return new LagrelloTransportException(
					operation + " failed: " + what + " (" + rootMessage(failure, attempt) + ")", !connectFailed, false,
					cause);
		}
		if (hasCause(failure, DataBufferLimitException.class)) {
			return new LagrelloDecodingException(
					operation + " failed: the answer is larger than the in-memory limit (lagrello.max-in-memory-size)",
					cause);
		}
		JacksonException unreadable = causeOf(failure, JacksonException.class);
		if (unreadable != null) {
			// Jackson quotes the answer (a token, a TOTP secret key, a qrImage link): the
			// message names where and what, and the cause that quotes it is left out
			return new LagrelloDecodingException(
					operation + " failed: the answer could not be read (" + UnreadableAnswer.describe(unreadable) + ")",
					null);
		}
		if (hasCause(failure, UnsupportedMediaTypeException.class) || hasCause(failure, CodecException.class)) {
			return new LagrelloDecodingException(
					operation + " failed: the answer could not be read (" + rootMessage(failure, attempt) + ")", cause);
		}
		if (failure instanceof WebClientException || hasCause(failure, java.io.IOException.class)) {
			return new LagrelloTransportException(
					operation + " failed: the answer was cut off (" + rootMessage(failure, attempt) + ")", true, true,
					cause);
		}
		return new LagrelloException(operation + " failed: " + rootMessage(failure, attempt), cause);
	}

	/**
	 * What failed, without WebClient's wrappers around it: they add the request, whose
	 * URL (the real one, the key of a token being deleted in it) their fields and
	 * messages hold.
	 */
	private static Throwable withoutRequest(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof WebClientException && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * reactor-netty's pool refusals, known by name: their classes are shaded.
	 */
	private static boolean isPoolAcquireFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		return causeOf(failure, type) != null;
	}

	private static <T extends Throwable> @Nullable T causeOf(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	private static String rootMessage(Throwable failure, Attempt attempt) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return attempt.redact(message);
	}

}
