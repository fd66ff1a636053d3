package com.lagrello.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ScriptedServer} answers to one request: a status, headers and a body,
 * possibly some time later, or a connection closed with nothing written. Immutable, so
 * one instance may answer any number of requests (a benchmark renders its pages once).
 * <pre class="code">
 * Reply.json(200, "{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}");
 * Reply.error(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", "1");
 * Reply.status(204).after(Duration.ofMillis(50));
 * Reply.closeConnection();
 * </pre>
 */
public final class Reply {

	/** The longest a reply may wait before it is sent: longer is a test that hangs. */
	public static final Duration MAX_DELAY = Duration.ofMinutes(10);

	private static final byte[] NO_BODY = new byte[0];

	private final int status;

	private final Map<String, String> headers;

	private final byte[] body;

	private final Duration delay;

	private final boolean closesConnection;

	private final @Nullable Supplier<Reply> deferred;

	private Reply(int status, Map<String, String> headers, byte[] body, Duration delay, boolean closesConnection,
			@Nullable Supplier<Reply> deferred) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.delay = delay;
		this.closesConnection = closesConnection;
		this.deferred = deferred;
	}

	/**
	 * Answers with that status and no body.
	 * @param status the HTTP status, from 100 to 599
	 * @return the reply
	 */
	public static Reply status(int status) {
		return new Reply(checkedStatus(status), Map.of(), NO_BODY, Duration.ZERO, false, null);
	}

	/**
	 * Answers with that status and a JSON body ({@code Content-Type: application/json}).
	 * @param status the HTTP status, from 100 to 599
	 * @param json the body
	 * @return the reply
	 */
	public static Reply json(int status, String json) {
		return json(status, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Answers with that status and a JSON body ({@code Content-Type: application/json})
	 * given as UTF-8 bytes, which the reply keeps (it never changes them).
	 * @param status the HTTP status, from 100 to 599
	 * @param json the body, UTF-8
	 * @return the reply
	 */
	public static Reply json(int status, byte[] json) {
		return new Reply(checkedStatus(status), Map.of("Content-Type", "application/json"), json.clone(), Duration.ZERO,
				false, null);
	}

	/**
	 * Answers with that status and a body of that media type, which the reply keeps.
	 * @param status the HTTP status, from 100 to 599
	 * @param contentType the body's media type, for example {@code image/png}
	 * @param body the body
	 * @return the reply
	 */
	static Reply body(int status, String contentType, byte[] body) {
		return new Reply(checkedStatus(status), Map.of("Content-Type", contentType), body, Duration.ZERO, false, null);
	}

	/**
	 * Answers with that status and the API's {@code Error} body, {@code {"errorType":
	 * ..., "message": ...}}.
	 * @param status the HTTP status, from 100 to 599
	 * @param errorType for example {@code TOO_MANY_REQUESTS}
	 * @param message the message
	 * @return the reply
	 */
	public static Reply error(int status, String errorType, String message) {
		return json(status, ApiBodies.error(errorType, message));
	}

	/**
	 * Closes the connection before any answer: the client sees its request go unanswered.
	 * @return the reply
	 */
	public static Reply closeConnection() {
		return new Reply(0, Map.of(), NO_BODY, Duration.ZERO, true, null);
	}

	/**
	 * Waits, then sends what {@code answer} returns then, so that what the request does
	 * (a token created, say) happens when the answer is sent.
	 * @param delay how long to wait, from zero to {@link #MAX_DELAY}
	 * @param answer the reply, made once the delay is over on the connection's event loop
	 * @return the reply
	 */
	public static Reply later(Duration delay, Supplier<Reply> answer) {
		return new Reply(0, Map.of(), NO_BODY, checkedDelay(delay), false, answer);
	}

	/**
	 * Returns this reply with one more header, replacing one of the same name.
	 * @param name the header name
	 * @param value its value
	 * @return a new reply
	 */
	public Reply withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.keySet().removeIf(name::equalsIgnoreCase);
		more.put(name, value);
		return new Reply(this.status, Map.copyOf(more), this.body, this.delay, this.closesConnection, this.deferred);
	}

	/**
	 * Returns this reply, sent that much later, without blocking a thread.
	 * @param delay how long after the request arrived, from zero to {@link #MAX_DELAY}
	 * @return a new reply
	 */
	public Reply after(Duration delay) {
		return new Reply(this.status, this.headers, this.body, checkedDelay(delay), this.closesConnection,
				this.deferred);
	}

	/**
	 * Returns the status.
	 * @return the HTTP status, {@code 0} for a reply that closes the connection or is
	 * made later
	 */
	public int statusCode() {
		return this.status;
	}

	/**
	 * Returns the headers.
	 * @return the headers, by name
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * Returns the body as text.
	 * @return the body, empty for none
	 */
	public String body() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * Returns how long after the request the reply is sent.
	 * @return the delay, zero for at once
	 */
	public Duration delay() {
		return this.delay;
	}

	/**
	 * Whether the connection is closed instead of an answer.
	 * @return {@code true} for {@link #closeConnection()}
	 */
	public boolean closesConnection() {
		return this.closesConnection;
	}

	byte[] bodyBytes() {
		return this.body;
	}

	@Nullable Supplier<Reply> deferred() {
		return this.deferred;
	}

	private static int checkedStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be from 100 to 599, but is " + status);
		}
		return status;
	}

	private static Duration checkedDelay(Duration delay) {
		if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
			throw new IllegalArgumentException("delay must be from zero to " + MAX_DELAY + ", but is " + delay);
		}
		return delay;
	}

	@Override
	public String toString() {
		String shown = this.closesConnection ? "Reply.closeConnection()"
				: (this.deferred != null) ? "Reply.later(...)" : "Reply[" + this.status + " " + body() + "]";
		return this.delay.isZero() ? shown : shown + ".after(" + this.delay + ")";
	}

}
