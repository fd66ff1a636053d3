package com.lagrello.fake;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The Tokens API's rules, from a received request to its answer, without any I/O: the
 * bearer-token check, the permission check, validation, paging and the token store. The
 * limits are the API's (the OpenAPI description), stated here on their own so that the
 * fake checks the client instead of repeating it.
 */
final class TokensApi {

	static final String TOKENS_PATH = "/v1/tokens";

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 20;

	static final int MAX_TOKEN_NAME_LENGTH = 128;

	static final String ADMIN = "ADMIN";

	private static final Set<String> PERMISSIONS = Set.of("READ", "WRITE", ADMIN);

	// the error statuses whose name (RFC 9110 and the IANA registry, as Spring's
	// HttpStatus spells them) Netty's reason phrase lacks or spells otherwise
	private static final Map<Integer, String> NAMES_NETTY_SPELLS_OTHERWISE = Map.of(413, "CONTENT_TOO_LARGE", 414,
			"URI_TOO_LONG", 418, "I_AM_A_TEAPOT", 422, "UNPROCESSABLE_CONTENT", 425, "TOO_EARLY", 451,
			"UNAVAILABLE_FOR_LEGAL_REASONS", 508, "LOOP_DETECTED", 509, "BANDWIDTH_LIMIT_EXCEEDED");

	private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+) *", Pattern.CASE_INSENSITIVE);

	private final TokenStore store;

	private final Supplier<URI> origin;

	/**
	 * Creates the API on a store.
	 * @param store the tokens
	 * @param origin the server's own origin, for the absolute paging links
	 */
	TokensApi(TokenStore store, Supplier<URI> origin) {
		this.store = store;
		this.origin = origin;
	}

	Reply answer(ReceivedRequest request) {
		try {
			return route(authenticate(request), request);
		}
		catch (Refusal refusal) {
			Reply reply = Reply.error(refusal.status, refusal.errorType, refusal.getMessage());
			return (refusal.header != null) ? reply.withHeader(refusal.header[0], refusal.header[1]) : reply;
		}
	}

	/**
	 * Returns the answer of a planned {@link Fault#status(int)} fault: the API's
	 * {@code Error} body, with the status's name as its type.
	 */
	static Reply fault(int status, @Nullable String retryAfterSeconds) {
		Reply reply = Reply.error(status, errorType(status), "A fault planned by the test: " + status);
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

	private FakeToken authenticate(ReceivedRequest request) {
		String authorization = request.authorization();
		Matcher bearer = (authorization != null) ? BEARER.matcher(authorization) : null;
		if (bearer == null || !bearer.matches()) {
			throw new Refusal(401, "UNAUTHORIZED",
					"Missing or malformed Authorization header: expected 'Bearer <access token>'")
				.withHeader("WWW-Authenticate", "Bearer");
		}
		FakeToken caller = this.store.find(bearer.group(1));
		if (caller == null) {
			throw new Refusal(403, "FORBIDDEN", "The access token used to access resource is wrong");
		}
		return caller;
	}

	private Reply route(FakeToken caller, ReceivedRequest request) {
		String method = request.method().toUpperCase(Locale.ROOT);
		String path = request.path();
		if (path.equals(TOKENS_PATH)) {
			return switch (method) {
				case "GET" -> list(request);
				case "POST" -> create(caller, request);
				default -> throw methodNotAllowed(method, path, "GET, POST");
			};
		}
		String id = tokenId(path);
		if (id != null) {
			if (method.equals("DELETE")) {
				return delete(caller, id);
			}
			throw methodNotAllowed(method, path, "DELETE");
		}
		throw new Refusal(404, "NOT_FOUND", "No such resource: " + method + " " + path);
	}

	/**
	 * Returns the decoded id of {@code /v1/tokens/{id}}, or {@code null} for another
	 * path.
	 */
	private static @Nullable String tokenId(String path) {
		String prefix = TOKENS_PATH + "/";
		if (!path.startsWith(prefix)) {
			return null;
		}
		String segment = path.substring(prefix.length());
		if (segment.isEmpty() || segment.contains("/")) {
			return null;
		}
		String decoded = percentDecoded(segment);
		if (decoded == null) {
			throw badRequest("The token id is not validly percent-encoded: " + segment);
		}
		return decoded;
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

	private Reply list(ReceivedRequest request) {
		int size = intParameter(request, "size", DEFAULT_PAGE_SIZE);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw badRequest("size must be from 1 to " + MAX_PAGE_SIZE + ", but is " + size);
		}
		int page = intParameter(request, "page", 0);
		if (page < 0) {
			throw badRequest("page must be 0 or more, but is " + page);
		}
		TokenStore.Slice slice = this.store.slice(page, size);
		return Reply.json(200, ApiBodies.tokenList(slice.data(), slice.hasNext() ? pageLink(page + 1, size) : null,
				(page > 0) ? pageLink(page - 1, size) : null));
	}

	private static int intParameter(ReceivedRequest request, String name, int absent) {
		String value;
		try {
			value = request.queryParameter(name);
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("The query is not validly percent-encoded");
		}
		if (value == null) {
			return absent;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw badRequest(name + " must be an integer, but is '" + value + "'");
		}
	}

	private String pageLink(int page, int size) {
		return this.origin.get() + TOKENS_PATH + "?page=" + page + "&size=" + size;
	}

	private Reply create(FakeToken caller, ReceivedRequest sent) {
		requireAdmin(caller, "Creating tokens");
		if (!isJson(sent.header("Content-Type"))) {
			throw badRequest("The request body must be application/json, but its Content-Type is "
					+ sent.header("Content-Type"));
		}
		JsonNode request = readObject(sent.body());
		String tokenName = tokenName(request.get("tokenName"));
		List<String> permissions = permissions(request.get("permissions"));
		FakeToken created = this.store.add(TokenStore.newToken(tokenName, caller.tokenName(), permissions));
		return Reply.json(200, ApiBodies.token(created));
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

	private static JsonNode readObject(String body) {
		JsonNode request;
		try {
			request = WireFormat.JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw badRequest("The request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (request == null || !request.isObject()) {
			throw badRequest("The request body must be a JSON object with tokenName and permissions");
		}
		return request;
	}

	private static String tokenName(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			throw badRequest("tokenName is required and must be a string");
		}
		String name = node.stringValue();
		if (name.isBlank() || name.length() > MAX_TOKEN_NAME_LENGTH) {
			throw badRequest("tokenName must be 1 to " + MAX_TOKEN_NAME_LENGTH + " characters and not blank, but has "
					+ name.length());
		}
		return name;
	}

	private static List<String> permissions(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw badRequest("permissions must be an array of READ, WRITE or ADMIN");
		}
		List<String> permissions = new ArrayList<>();
		for (JsonNode element : node) {
			String value = element.isString() ? element.stringValue() : null;
			if (value == null || !PERMISSIONS.contains(value)) {
				throw badRequest("permissions must be READ, WRITE or ADMIN, but one is " + element);
			}
			permissions.add(value);
		}
		return permissions;
	}

	private Reply delete(FakeToken caller, String tokenId) {
		requireAdmin(caller, "Deleting tokens");
		if (!this.store.remove(tokenId)) {
			throw new Refusal(404, "NOT_FOUND", "token could not be found");
		}
		return Reply.status(204);
	}

	private static void requireAdmin(FakeToken caller, String action) {
		if (!caller.has(ADMIN)) {
			throw new Refusal(403, "FORBIDDEN", action + " needs a token with the ADMIN permission");
		}
	}

	private static Refusal badRequest(String message) {
		return new Refusal(400, "BAD_REQUEST", message);
	}

	private static Refusal methodNotAllowed(String method, String path, String allowed) {
		return new Refusal(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + path + "; allowed: " + allowed)
			.withHeader("Allow", allowed);
	}

	/**
	 * A request the API refuses with an {@code Error} body. An exception so that the
	 * rules read top to bottom, each check throwing its own answer.
	 */
	private static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int status;

		private final String errorType;

		private String @Nullable [] header;

		Refusal(int status, String errorType, String message) {
			// no stack trace: it is an answer, not a fault
			super(message, null, false, false);
			this.status = status;
			this.errorType = errorType;
		}

		Refusal(int status, String errorType, String message, String[] header) {
			this(status, errorType, message);
			this.header = header;
		}

		Refusal withHeader(String name, String value) {
			return new Refusal(this.status, this.errorType, getMessage(), new String[] { name, value });
		}

	}

}
