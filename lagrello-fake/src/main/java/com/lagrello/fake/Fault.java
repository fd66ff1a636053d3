package com.lagrello.fake;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.netty.handler.codec.http.HttpResponseStatus;

import org.jspecify.annotations.Nullable;

/**
 * A failure that {@link FakeLagrello} answers with instead of its normal answer, planned
 * with {@link FakeLagrello#failNext(int, Fault)}: <pre class="code">
 * lagrello.failNext("POST", 1, Fault.status(429).retryAfter(Duration.ofSeconds(1)));
 * lagrello.failNext("DELETE", 1, Fault.responseLost());
 * lagrello.failNext(3, Fault.delay(Duration.ofMillis(200)));
 * </pre> Instances are immutable.
 */
public final class Fault {

	/** The longest delay a fault may have: longer is a test that hangs. */
	public static final Duration MAX_DELAY = Reply.MAX_DELAY;

	/** The longest {@code Retry-After} a fault may ask for. */
	public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	// the error statuses whose name (RFC 9110 and the IANA registry, as Spring's
	// HttpStatus spells them) Netty's reason phrase lacks or spells otherwise
	private static final Map<Integer, String> NAMES_NETTY_SPELLS_OTHERWISE = Map.of(413, "CONTENT_TOO_LARGE", 414,
			"URI_TOO_LONG", 418, "I_AM_A_TEAPOT", 422, "UNPROCESSABLE_CONTENT", 425, "TOO_EARLY", 451,
			"UNAVAILABLE_FOR_LEGAL_REASONS", 508, "LOOP_DETECTED", 509, "BANDWIDTH_LIMIT_EXCEEDED");

	enum Kind {

		STATUS, DELAY, CONNECTION_RESET, RESPONSE_LOST

	}

	private final Kind kind;

	private final int status;

	private final @Nullable Duration retryAfter;

	private final Duration delay;

	private Fault(Kind kind, int status, @Nullable Duration retryAfter, Duration delay) {
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
		this.delay = delay;
	}

	/**
	 * Answers with that status and the API's {@code Error} body, whose {@code errorType}
	 * is the status's name ({@code TOO_MANY_REQUESTS}, {@code SERVICE_UNAVAILABLE}, ...);
	 * the request is not applied.
	 * @param status an error status, from 400 to 599
	 * @return the fault
	 */
	public static Fault status(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status, from 400 to 599, but is " + status);
		}
		return new Fault(Kind.STATUS, status, null, Duration.ZERO);
	}

	/**
	 * Adds a {@code Retry-After} header, in whole seconds (rounded up), to a
	 * {@link #status(int)} fault.
	 * @param wait how long the client should wait, from zero to a day
	 * @return a new fault with the header
	 */
	public Fault retryAfter(Duration wait) {
		if (this.kind != Kind.STATUS) {
			throw new IllegalStateException("Only a status fault has a Retry-After header, but this is " + this);
		}
		if (wait == null || wait.isNegative() || wait.compareTo(MAX_RETRY_AFTER) > 0) {
			throw new IllegalArgumentException(
					"retryAfter must be from zero to " + MAX_RETRY_AFTER + ", but is " + wait);
		}
		return new Fault(Kind.STATUS, this.status, wait, Duration.ZERO);
	}

	/**
	 * Answers normally, that much later, without blocking a thread. The request is
	 * applied when the answer is sent.
	 * @param delay from zero to ten minutes
	 * @return the fault
	 */
	public static Fault delay(Duration delay) {
		if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
			throw new IllegalArgumentException("delay must be from zero to " + MAX_DELAY + ", but is " + delay);
		}
		return new Fault(Kind.DELAY, 0, null, delay);
	}

	/**
	 * Closes the connection before any answer; the request is not applied. The client
	 * cannot tell whether it was.
	 * @return the fault
	 */
	public static Fault connectionReset() {
		return new Fault(Kind.CONNECTION_RESET, 0, null, Duration.ZERO);
	}

	/**
	 * Applies the request (a token is created or deleted), then closes the connection
	 * without answering: the answer is lost on its way.
	 * @return the fault
	 */
	public static Fault responseLost() {
		return new Fault(Kind.RESPONSE_LOST, 0, null, Duration.ZERO);
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the {@code Retry-After} value in whole seconds, or {@code null} for none.
	 */
	private @Nullable String retryAfterSeconds() {
		if (this.retryAfter == null) {
			return null;
		}
		long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
		return Long.toString(seconds);
	}

	Duration delay() {
		return this.delay;
	}

	/**
	 * Returns the answer of a {@link #status(int)} fault: the API's {@code Error} body,
	 * with the status's name as its type, and the {@code Retry-After} header if any.
	 */
	Reply statusReply() {
		Reply reply = Reply.error(this.status, errorType(this.status), "A fault planned by the test: " + this.status);
		String retryAfterSeconds = retryAfterSeconds();
		return (retryAfterSeconds != null) ? reply.withHeader("Retry-After", retryAfterSeconds) : reply;
	}

	/**
	 * The status's name, {@code TOO_MANY_REQUESTS} for 429, as Spring's
	 * {@code HttpStatus} names it (what the fake answered before it moved below Spring);
	 * {@code ERROR} for a status without a name.
	 */
	static String errorType(int status) {
		String named = NAMES_NETTY_SPELLS_OTHERWISE.get(status);
		if (named != null) {
			return named;
		}
		String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
		// a status Netty has no name for gets its class's phrase and the code, such as
		// "Client Error (499)"
		if (reason.isBlank() || reason.endsWith("(" + status + ")")) {
			return "ERROR";
		}
		return reason.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Fault that && this.kind == that.kind && this.status == that.status
				&& Objects.equals(this.retryAfter, that.retryAfter) && this.delay.equals(that.delay);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.status, this.retryAfter, this.delay);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case STATUS -> "Fault.status(" + this.status + ")"
					+ ((this.retryAfter != null) ? ".retryAfter(" + this.retryAfter + ")" : "");
			case DELAY -> "Fault.delay(" + this.delay + ")";
			case CONNECTION_RESET -> "Fault.connectionReset()";
			case RESPONSE_LOST -> "Fault.responseLost()";
		};
	}

}
