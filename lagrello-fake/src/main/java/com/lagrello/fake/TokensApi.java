package com.lagrello.fake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Tokens API's rules, from an authenticated request to its answer, without any I/O:
 * the permission check, validation, paging and the token store. The limits are the API's
 * (the OpenAPI description), stated here on their own so that the fake checks the client
 * instead of repeating it.
 */
final class TokensApi {

	static final String TOKENS_PATH = "/v1/tokens";

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 20;

	static final int MAX_TOKEN_NAME_LENGTH = 128;

	private static final Set<String> PERMISSIONS = Set.of(TokenStore.READ, TokenStore.WRITE, TokenStore.ADMIN);

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

	/**
	 * Whether a path is the Tokens API's: {@code /v1/tokens} or below it.
	 */
	static boolean serves(String path) {
		return path.equals(TOKENS_PATH) || path.startsWith(TOKENS_PATH + "/");
	}

	/**
	 * Answers a request to one of the Tokens API's paths.
	 * @param caller the token the request authenticated with
	 * @throws Refusal for anything refused
	 */
	Reply answer(FakeToken caller, ReceivedRequest request) {
		String method = request.method().toUpperCase(Locale.ROOT);
		String path = request.path();
		if (path.equals(TOKENS_PATH)) {
			return switch (method) {
				case "GET" -> list(request);
				case "POST" -> create(caller, request);
				default -> throw Refusal.methodNotAllowed(method, path, "GET, POST");
			};
		}
		String id = tokenId(path);
		if (id != null) {
			if (method.equals("DELETE")) {
				return delete(caller, id);
			}
			throw Refusal.methodNotAllowed(method, path, "DELETE");
		}
		throw LagrelloApi.noSuchResource(method, path);
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
		return Requests.pathSegment(segment, "token id");
	}

	private Reply list(ReceivedRequest request) {
		int size = intParameter(request, "size", DEFAULT_PAGE_SIZE);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Refusal.badRequest("size must be from 1 to " + MAX_PAGE_SIZE + ", but is " + size);
		}
		int page = intParameter(request, "page", 0);
		if (page < 0) {
			throw Refusal.badRequest("page must be 0 or more, but is " + page);
		}
		TokenStore.Slice slice = this.store.slice(page, size);
		return Reply.json(200, ApiBodies.tokenList(slice.data(), slice.hasNext() ? pageLink(page + 1, size) : null,
				(page > 0) ? pageLink(page - 1, size) : null));
	}

	private static int intParameter(ReceivedRequest request, String name, int absent) {
		String value = Requests.queryParameter(request, name);
		if (value == null) {
			return absent;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw Refusal.badRequest(name + " must be an integer, but is '" + value + "'");
		}
	}

	private String pageLink(int page, int size) {
		return this.origin.get() + TOKENS_PATH + "?page=" + page + "&size=" + size;
	}

	private Reply create(FakeToken caller, ReceivedRequest sent) {
		AccessTokens.require(caller, TokenStore.ADMIN, "Creating tokens");
		JsonNode request = Requests.jsonObject(sent, "tokenName and permissions");
		String tokenName = tokenName(request.get("tokenName"));
		List<String> permissions = permissions(request.get("permissions"));
		FakeToken created = this.store.add(TokenStore.newToken(tokenName, caller.tokenName(), permissions));
		return Reply.json(200, ApiBodies.token(created));
	}

	private static String tokenName(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			throw Refusal.badRequest("tokenName is required and must be a string");
		}
		String name = node.stringValue();
		if (!LimitedNames.isName(name, MAX_TOKEN_NAME_LENGTH)) {
			throw Refusal.badRequest(
					LimitedNames.rule("tokenName", MAX_TOKEN_NAME_LENGTH) + ", but has " + LimitedNames.length(name));
		}
		return name;
	}

	private static List<String> permissions(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw Refusal.badRequest("permissions must be an array of READ, WRITE or ADMIN");
		}
		List<String> permissions = new ArrayList<>();
		for (JsonNode element : node) {
			String value = element.isString() ? element.stringValue() : null;
			if (value == null || !PERMISSIONS.contains(value)) {
				throw Refusal.badRequest("permissions must be READ, WRITE or ADMIN, but one is " + element);
			}
			permissions.add(value);
		}
		return permissions;
	}

	private Reply delete(FakeToken caller, String tokenId) {
		AccessTokens.require(caller, TokenStore.ADMIN, "Deleting tokens");
		if (!this.store.remove(tokenId)) {
			throw Refusal.notFound("token could not be found");
		}
		return Reply.status(204);
	}

}
