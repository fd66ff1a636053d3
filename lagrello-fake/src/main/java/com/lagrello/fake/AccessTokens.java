package com.lagrello.fake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access-token check every request passes first: {@code Authorization: Bearer <key>}
 * of a token the fake holds, and the permission an operation needs.
 */
final class AccessTokens {

	/**
	 * The status for a request without a well-formed {@code Authorization} header on the
	 * Tokens API and unknown paths, with {@code WWW-Authenticate: Bearer}.
	 */
	static final int UNAUTHORIZED = 401;

	/**
	 * The status for a request without a well-formed {@code Authorization} header on the
	 * users, auth and tenant paths: there the API's {@code 401} means that the end user's
	 * TOTP code or magic-link token is wrong, so an access-token problem must not look
	 * like one. The description lists {@code 403} as their only access-token error.
	 */
	static final int FORBIDDEN = 403;

	private static final Pattern BEARER = Pattern.compile("Bearer +(\\S+) *", Pattern.CASE_INSENSITIVE);

	private final TokenStore store;

	AccessTokens(TokenStore store) {
		this.store = store;
	}

	/**
	 * Returns the token a request authenticates with.
	 * @param statusWhenMissing {@link #UNAUTHORIZED} or {@link #FORBIDDEN}, for a missing
	 * or malformed header
	 * @throws Refusal that status for a missing or malformed header, {@code 403} for a
	 * token the fake does not hold
	 */
	FakeToken caller(ReceivedRequest request, int statusWhenMissing) {
		String authorization = request.authorization();
		Matcher bearer = (authorization != null) ? BEARER.matcher(authorization) : null;
		if (bearer == null || !bearer.matches()) {
			String message = "Missing or malformed Authorization header: expected 'Bearer <access token>'";
			if (statusWhenMissing == FORBIDDEN) {
				throw Refusal.forbidden(message);
			}
			throw new Refusal(UNAUTHORIZED, "UNAUTHORIZED", message).withHeader("WWW-Authenticate", "Bearer");
		}
		FakeToken caller = this.store.find(bearer.group(1));
		if (caller == null) {
			throw Refusal.forbidden("The access token used to access resource is wrong");
		}
		return caller;
	}

	/**
	 * Checks that the caller has a permission.
	 * @param action what needs it, for the message, for example {@code Creating tokens}
	 * @throws Refusal a {@code 403} when it lacks the permission
	 */
	static void require(FakeToken caller, String permission, String action) {
		if (!caller.has(permission)) {
			throw Refusal.forbidden(action + " needs a token with the " + permission + " permission");
		}
	}

}
