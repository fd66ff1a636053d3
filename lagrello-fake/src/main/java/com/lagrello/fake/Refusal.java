package com.lagrello.fake;

import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses with an {@code Error} body. An exception so that the rules of
 * each API read top to bottom, each check throwing its own answer; {@link LagrelloApi}
 * turns it into the {@link Reply}.
 */
final class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String errorType;

	private final String @Nullable [] header;

	Refusal(int status, String errorType, String message) {
		this(status, errorType, message, null);
	}

	private Refusal(int status, String errorType, String message, String @Nullable [] header) {
		// no stack trace: it is an answer, not a fault
		super(message, null, false, false);
		this.status = status;
		this.errorType = errorType;
		this.header = header;
	}

	static Refusal badRequest(String message) {
		return new Refusal(400, "BAD_REQUEST", message);
	}

	static Refusal forbidden(String message) {
		return new Refusal(403, "FORBIDDEN", message);
	}

	static Refusal notFound(String message) {
		return new Refusal(404, "NOT_FOUND", message);
	}

	static Refusal methodNotAllowed(String method, String path, String allowed) {
		return new Refusal(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path + "; allowed: " + allowed)
			.withHeader("Allow", allowed);
	}

	Refusal withHeader(String name, String value) {
		return new Refusal(this.status, this.errorType, getMessage(), new String[] { name, value });
	}

	Reply reply() {
		Reply reply = Reply.error(this.status, this.errorType, getMessage());
		return (this.header != null) ? reply.withHeader(this.header[0], this.header[1]) : reply;
	}

}
