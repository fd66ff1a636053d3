package com.lagrello.fake;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The users API's rules ({@code users/create}, {@code users/get}, {@code users/update},
 * {@code users/delete}), from an authenticated request to its answer, without any I/O.
 * Changes need a token with {@code WRITE}, as the API's description says of creating and
 * updating anything.
 */
final class UsersApi {

	static final String USERS_PATH = "/v1/users";

	static final int MAX_USER_ID_LENGTH = 128;

	private final UserStore users;

	private final TotpEnrolments totp;

	private final MagicLinks links;

	UsersApi(UserStore users, TotpEnrolments totp, MagicLinks links) {
		this.users = users;
		this.totp = totp;
		this.links = links;
	}

	/**
	 * Answers a request to {@code /v1/users}.
	 * @throws Refusal for anything refused
	 */
	Reply collection(FakeToken caller, ReceivedRequest request) {
		String method = request.method().toUpperCase(Locale.ROOT);
		if (!method.equals("POST")) {
			throw Refusal.methodNotAllowed(method, request.path(), "POST");
		}
		AccessTokens.require(caller, TokenStore.WRITE, "Creating users");
		JsonNode body = Requests.jsonObject(request, "userId and email");
		String userId = Requests.optionalString(body, "userId");
		if (userId == null || !isUserId(userId)) {
			throw Refusal.badRequest(LimitedNames.rule("userId", MAX_USER_ID_LENGTH));
		}
		FakeUser user = new FakeUser(userId, email(body));
		if (!this.users.add(user)) {
			throw new Refusal(409, "CONFLICT", "user already exists");
		}
		return Reply.json(201, ApiBodies.user(user));
	}

	/**
	 * Answers a request to {@code /v1/users/{userId}}.
	 * @param userId the decoded id
	 * @throws Refusal for anything refused
	 */
	Reply one(FakeToken caller, ReceivedRequest request, String userId) {
		String method = request.method().toUpperCase(Locale.ROOT);
		return switch (method) {
			case "GET" -> Reply.json(200, ApiBodies.user(existing(this.users, userId)));
			case "PATCH" -> update(caller, request, userId);
			case "DELETE" -> delete(caller, userId);
			default -> throw Refusal.methodNotAllowed(method, request.path(), "GET, PATCH, DELETE");
		};
	}

	private Reply update(FakeToken caller, ReceivedRequest request, String userId) {
		AccessTokens.require(caller, TokenStore.WRITE, "Updating users");
		String email = email(Requests.jsonObject(request, "email"));
		FakeUser user = (email != null) ? this.users.changeEmail(userId, email) : this.users.find(userId);
		if (user == null) {
			throw userNotFound();
		}
		return Reply.json(200, ApiBodies.user(user));
	}

	private Reply delete(FakeToken caller, String userId) {
		AccessTokens.require(caller, TokenStore.WRITE, "Deleting users");
		if (!this.users.remove(userId)) {
			throw userNotFound();
		}
		this.totp.disable(userId);
		this.links.userDeleted(userId);
		return Reply.status(204);
	}

	/**
	 * Returns a user, who must exist.
	 * @throws Refusal a {@code 404} when there is no such user
	 */
	static FakeUser existing(UserStore users, String userId) {
		FakeUser user = users.find(userId);
		if (user == null) {
			throw userNotFound();
		}
		return user;
	}

	private static Refusal userNotFound() {
		return Refusal.notFound("user could not be found");
	}

	private static @Nullable String email(JsonNode body) {
		String email = Requests.optionalString(body, "email");
		if (email != null && !isEmail(email)) {
			throw Refusal.badRequest("email must be an e-mail address");
		}
		return email;
	}

	/**
	 * Whether a user id is one the API takes: 1 to 128 characters (code points), not
	 * blank.
	 */
	static boolean isUserId(String userId) {
		return LimitedNames.isName(userId, MAX_USER_ID_LENGTH);
	}

	/**
	 * Whether a text is an e-mail address, as loosely as the description's
	 * {@code format: email} is read: something, an {@code @}, something, no whitespace.
	 */
	static boolean isEmail(String email) {
		int at = email.lastIndexOf('@');
		return at > 0 && at < email.length() - 1 && email.chars().noneMatch(Character::isWhitespace);
	}

}
