package com.lagrello.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.test.WireFormat.ErrorBody;
import com.lagrello.test.WireFormat.PagingBody;
import com.lagrello.test.WireFormat.TokenBody;
import com.lagrello.test.WireFormat.TokenListBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/**
 * The Tokens API's rules, from a received request to its answer, without any I/O: the
 * bearer-token check, the permission check, validation, paging and the token store.
 */
final class TokensApi {

	static final String TOKENS_PATH = "/v1/tokens";

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 20;

	private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+) *", Pattern.CASE_INSENSITIVE);

	private final TokenStore store;

	private final Supplier<URI> origin;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Creates the API on a store.
	 * @param store the tokens
	 * @param origin the server's own origin, for the absolute paging links
	 */
	TokensApi(TokenStore store, Supplier<URI> origin) {
		this.store = store;
		this.origin = origin;
	}

	Answer answer(RecordedRequest request) {
		try {
			return route(authenticate(request), request);
		}
		catch (Refusal refusal) {
			Answer answer = Answer.of(refusal.status, write(new ErrorBody(refusal.errorType, refusal.getMessage())));
			return (refusal.header != null) ? answer.withHeader(refusal.header[0], refusal.header[1]) : answer;
		}
	}

	/**
	 * Returns the answer of a planned {@link FakeFault#status(int)} fault: the API's
	 * {@code Error} body, with the status's name as its type.
	 */
	Answer fault(int status, @Nullable String retryAfterSeconds) {
		HttpStatus known = HttpStatus.resolve(status);
		String errorType = (known != null) ? known.name() : "ERROR";
		Answer answer = Answer.of(status, write(new ErrorBody(errorType, "A fault planned by the test: " + status)));
		return (retryAfterSeconds != null) ? answer.withHeader("Retry-After", retryAfterSeconds) : answer;
	}

	private Token authenticate(RecordedRequest request) {
		String authorization = request.authorization();
		Matcher bearer = (authorization != null) ? BEARER.matcher(authorization) : null;
		if (bearer == null || !bearer.matches()) {
			throw new Refusal(401, "UNAUTHORIZED",
					"Missing or malformed Authorization header: expected 'Bearer <access token>'")
				.withHeader("WWW-Authenticate", "Bearer");
		}
		Token caller = this.store.find(bearer.group(1));
		if (caller == null) {
			throw new Refusal(403, "FORBIDDEN", "The access token used to access resource is wrong");
		}
		return caller;
	}

	private Answer route(Token caller, RecordedRequest request) {
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
		try {
			return UriUtils.decode(segment, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("The token id is not validly percent-encoded: " + segment);
		}
	}

	private Answer list(RecordedRequest request) {
		int size = intParameter(request, "size", DEFAULT_PAGE_SIZE);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw badRequest("size must be from 1 to " + MAX_PAGE_SIZE + ", but is " + size);
		}
		int page = intParameter(request, "page", 0);
		if (page < 0) {
			throw badRequest("page must be 0 or more, but is " + page);
		}
		TokenStore.Slice slice = this.store.slice(page, size);
		PagingBody paging = new PagingBody(slice.hasNext() ? pageLink(page + 1, size) : null,
				(page > 0) ? pageLink(page - 1, size) : null);
		List<TokenBody> data = slice.data().stream().map(TokenBody::of).toList();
		return Answer.of(200, write(new TokenListBody(data, paging)));
	}

	private static int intParameter(RecordedRequest request, String name, int absent) {
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

	private Answer create(Token caller, RecordedRequest sent) {
		requireAdmin(caller, "Creating tokens");
		if (!isJson(sent.header("Content-Type"))) {
			throw badRequest("The request body must be application/json, but its Content-Type is "
					+ sent.header("Content-Type"));
		}
		JsonNode request = readObject(sent.body());
		String tokenName = tokenName(request.get("tokenName"));
		List<Permission> permissions = permissions(request.get("permissions"));
		Token created = this.store.add(TokenStore.newToken(tokenName, caller.tokenName(), permissions));
		return Answer.of(200, write(TokenBody.of(created)));
	}

	private static boolean isJson(@Nullable String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return false;
		}
	}

	private JsonNode readObject(String body) {
		JsonNode request;
		try {
			request = this.json.readTree(body);
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
		if (name.isBlank() || name.length() > CreateTokenRequest.MAX_TOKEN_NAME_LENGTH) {
			throw badRequest("tokenName must be 1 to " + CreateTokenRequest.MAX_TOKEN_NAME_LENGTH
					+ " characters and not blank, but has " + name.length());
		}
		return name;
	}

	private static List<Permission> permissions(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw badRequest("permissions must be an array of READ, WRITE or ADMIN");
		}
		List<Permission> permissions = new ArrayList<>();
		for (JsonNode element : node) {
			String value = element.isString() ? element.stringValue() : null;
			Permission permission = (value != null && !value.isBlank()) ? Permission.of(value) : null;
			if (permission == null || !permission.isKnown()) {
				throw badRequest("permissions must be READ, WRITE or ADMIN, but one is " + element);
			}
			permissions.add(permission);
		}
		return permissions;
	}

	private Answer delete(Token caller, String tokenId) {
		requireAdmin(caller, "Deleting tokens");
		if (!this.store.remove(tokenId)) {
			throw new Refusal(404, "NOT_FOUND", "token could not be found");
		}
		return Answer.noContent();
	}

	private static void requireAdmin(Token caller, String action) {
		if (!caller.permissions().contains(Permission.ADMIN)) {
			throw new Refusal(403, "FORBIDDEN", action + " needs a token with the ADMIN permission");
		}
	}

	private String write(Object body) {
		return this.json.writeValueAsString(body);
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

		Refusal withHeader(String name, String value) {
			this.header = new String[] { name, value };
			return this;
		}

	}

}
