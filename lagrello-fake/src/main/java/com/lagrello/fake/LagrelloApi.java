package com.lagrello.fake;

import java.util.Locale;

/**
 * The fake API as a whole, from a received request to its answer, without any I/O: it
 * checks the access token and hands the request to the API its path belongs to. Unknown
 * paths are {@code 404}. The QR images of TOTP secrets ({@link QrImages}) need no token.
 */
final class LagrelloApi {

	private static final String USERS_PREFIX = UsersApi.USERS_PATH + "/";

	private final AccessTokens accessTokens;

	private final TokensApi tokens;

	private final UsersApi users;

	private final AuthApi auth;

	private final TenantApi tenant;

	private final QrImages qrImages;

	LagrelloApi(AccessTokens accessTokens, TokensApi tokens, UsersApi users, AuthApi auth, TenantApi tenant,
			QrImages qrImages) {
		this.accessTokens = accessTokens;
		this.tokens = tokens;
		this.users = users;
		this.auth = auth;
		this.tenant = tenant;
		this.qrImages = qrImages;
	}

	Reply answer(ReceivedRequest request) {
		try {
			return route(request);
		}
		catch (Refusal refusal) {
			return refusal.reply();
		}
	}

	private Reply route(ReceivedRequest request) {
		String path = request.path();
		if (QrImages.serves(path)) {
			// a browser's <img>, without the application's access token
			return this.qrImages.answer(request);
		}
		if (path.equals(TenantApi.TENANT_PATH)) {
			return this.tenant.answer(this.accessTokens.caller(request, AccessTokens.FORBIDDEN), request);
		}
		if (path.equals(UsersApi.USERS_PATH)) {
			return this.users.collection(this.accessTokens.caller(request, AccessTokens.FORBIDDEN), request);
		}
		if (path.startsWith(USERS_PREFIX)) {
			return routeUser(this.accessTokens.caller(request, AccessTokens.FORBIDDEN), request);
		}
		FakeToken caller = this.accessTokens.caller(request, AccessTokens.UNAUTHORIZED);
		if (TokensApi.serves(path)) {
			return this.tokens.answer(caller, request);
		}
		throw noSuchResource(request.method(), path);
	}

	/**
	 * Routes {@code /v1/users/{userId}}, its {@code /totp} and {@code /email}, and
	 * {@code GET /v1/users/email}: a {@code GET} of that path redeems a magic link, any
	 * other method is about the user whose id is {@code email}, as a framework that
	 * matches literal paths before templates routes them.
	 */
	private Reply routeUser(FakeToken caller, ReceivedRequest request) {
		String path = request.path();
		String method = request.method().toUpperCase(Locale.ROOT);
		String[] segments = path.substring(USERS_PREFIX.length()).split("/", -1);
		if (segments[0].isEmpty() || segments.length > 2) {
			throw noSuchResource(method, path);
		}
		if (segments.length == 1) {
			if (segments[0].equals(AuthApi.EMAIL_SEGMENT) && method.equals("GET")) {
				return this.auth.redeemMagicLink(request);
			}
			return this.users.one(caller, request, Requests.pathSegment(segments[0], "userId"));
		}
		String userId = Requests.pathSegment(segments[0], "userId");
		return switch (segments[1]) {
			case AuthApi.TOTP_SEGMENT -> this.auth.totp(caller, request, userId);
			case AuthApi.EMAIL_SEGMENT -> this.auth.email(caller, request, userId);
			default -> throw noSuchResource(method, path);
		};
	}

	static Refusal noSuchResource(String method, String path) {
		return Refusal.notFound("No such resource: " + method + " " + path);
	}

}
