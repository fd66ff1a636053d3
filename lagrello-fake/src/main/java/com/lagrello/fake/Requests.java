package com.lagrello.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reading what a request carries, the same way for every API: percent-encoded path
 * segments, query parameters and JSON bodies, each refused with a {@code 400} when it
 * cannot be read.
 */
final class Requests {

	private Requests() {
	}

	/**
	 * Decodes a path segment's {@code %XX} sequences as UTF-8 ({@code +} stays a plus).
	 * @return the decoded segment, or {@code null} when it is not validly encoded
	 */
	static @Nullable String percentDecoded(String segment) {
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
		byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] != '%') {
				bytes.write(raw[i]);
				continue;
			}
			int high = (i + 2 < raw.length) ? Character.digit(raw[i + 1], 16) : -1;
			int low = (high >= 0) ? Character.digit(raw[i + 2], 16) : -1;
			if (low < 0) {
				return null;
			}
			bytes.write((high << 4) + low);
			i += 2;
		}
		// malformed UTF-8 becomes U+FFFD, as Spring's UriUtils.decode does: an unknown id
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Decodes a path segment that names something, such as a user's id.
	 * @param what what the segment names, for the message
	 * @throws Refusal a {@code 400} when it is not validly percent-encoded
	 */
	static String pathSegment(String segment, String what) {
		String decoded = percentDecoded(segment);
		if (decoded == null) {
			throw Refusal.badRequest("The " + what + " is not validly percent-encoded: " + segment);
		}
		return decoded;
	}

	/**
	 * Returns a query parameter's first value, decoded.
	 * @return the value, or {@code null} when it was not sent
	 * @throws Refusal a {@code 400} when the query is not validly percent-encoded
	 */
	static @Nullable String queryParameter(ReceivedRequest request, String name) {
		try {
			return request.queryParameter(name);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.badRequest("The query is not validly percent-encoded");
		}
	}

	/**
	 * Returns a query parameter the operation cannot do without.
	 * @throws Refusal a {@code 400} when it was not sent
	 */
	static String requiredQueryParameter(ReceivedRequest request, String name) {
		String value = queryParameter(request, name);
		if (value == null) {
			throw Refusal.badRequest("The query parameter " + name + " is required");
		}
		return value;
	}

	/**
	 * Reads a JSON object body, which must come as JSON.
	 * @param expected what the object holds, for the message
	 * @throws Refusal a {@code 400} for another {@code Content-Type}, invalid JSON or
	 * something other than an object
	 */
	static JsonNode jsonObject(ReceivedRequest request, String expected) {
		String contentType = request.header("Content-Type");
		if (!isJson(contentType)) {
			throw Refusal
				.badRequest("The request body must be application/json, but its Content-Type is " + contentType);
		}
		JsonNode body;
		try {
			body = WireFormat.JSON.readTree(request.body());
		}
		catch (JacksonException ex) {
			throw Refusal.badRequest("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (body == null || !body.isObject()) {
			throw Refusal.badRequest("The request body must be a JSON object with " + expected);
		}
		return body;
	}

	/**
	 * Whether a {@code Content-Type} is JSON: {@code application/json}, a {@code +json}
	 * type, or a wildcard that admits {@code application/json}; parameters are ignored.
	 */
	static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		int semicolon = contentType.indexOf(';');
		String type = ((semicolon < 0) ? contentType : contentType.substring(0, semicolon)).trim()
			.toLowerCase(Locale.ROOT);
		int slash = type.indexOf('/');
		if (slash <= 0 || slash == type.length() - 1) {
			return false;
		}
		String main = type.substring(0, slash);
		String sub = type.substring(slash + 1);
		if (sub.endsWith("+json")) {
			return true;
		}
		return (main.equals("*") || main.equals("application")) && (sub.equals("*") || sub.equals("json"));
	}

	/**
	 * Returns a string member of a JSON object.
	 * @return the string, or {@code null} when the member is absent or {@code null}
	 * @throws Refusal a {@code 400} when it is something other than a string
	 */
	static @Nullable String optionalString(JsonNode object, String name) {
		JsonNode node = object.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw Refusal.badRequest(name + " must be a string, but is " + node);
		}
		return node.stringValue();
	}

}
