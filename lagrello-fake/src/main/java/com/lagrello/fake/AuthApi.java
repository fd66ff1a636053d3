package com.lagrello.fake;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The auth API's rules ({@code users/totp/toggle}, {@code users/totp/auth},
 * {@code users/email/send}, {@code users/email/auth}), from an authenticated request to
 * its answer, without any I/O. A wrong, used or unknown TOTP code or magic-link token is
 * a {@code 401}, as is a code for a user without TOTP; an unknown user a {@code 404}.
 * Enabling or disabling TOTP and sending a link need a token with {@code WRITE}.
 */
final class AuthApi {

	static final String TOTP_SEGMENT = "totp";

	static final String EMAIL_SEGMENT = "email";

	/** The query parameter that carries a TOTP code or a magic-link token. */
	static final String PAYLOAD = "payload";

	private final UserStore users;

	private final TotpEnrolments totp;

	private final MagicLinks links;

	private final TenantStore tenant;

	private final QrImages qrImages;

	AuthApi(UserStore users, TotpEnrolments totp, MagicLinks links, TenantStore tenant, QrImages qrImages) {
		this.users = users;
		this.totp = totp;
		this.links = links;
		this.tenant = tenant;
		this.qrImages = qrImages;
	}

	/**
	 * Answers a request to {@code /v1/users/{userId}/totp}.
	 * @param userId the decoded id
	 * @throws Refusal for anything refused
	 */
	Reply totp(FakeToken caller, ReceivedRequest request, String userId) {
		String method = request.method().toUpperCase(Locale.ROOT);
		return switch (method) {
			case "GET" -> verifyTotp(request, userId);
			case "POST" -> toggleTotp(caller, request, userId);
			default -> throw Refusal.methodNotAllowed(method, request.path(), "GET, POST");
		};
	}

	private Reply verifyTotp(ReceivedRequest request, String userId) {
		String code = Requests.requiredQueryParameter(request, PAYLOAD);
		FakeUser user = UsersApi.existing(this.users, userId);
		if (!this.totp.verify(userId, code)) {
			throw wrong("The TOTP code is wrong or used, or the user has no TOTP");
		}
		return Reply.json(200, ApiBodies.user(user));
	}

	private Reply toggleTotp(FakeToken caller, ReceivedRequest request, String userId) {
		AccessTokens.require(caller, TokenStore.WRITE, "Enabling or disabling TOTP");
		JsonNode enable = Requests.jsonObject(request, "enable").get("enable");
		if (enable == null || !enable.isBoolean()) {
			throw Refusal.badRequest("enable is required and must be true or false");
		}
		UsersApi.existing(this.users, userId);
		if (!enable.booleanValue()) {
			this.totp.disable(userId);
			return Reply.status(204);
		}
		TotpEnrolments.Enabled enabled = this.totp.enable(userId);
		return Reply.json(200, ApiBodies.totpEnableResponse(enabled.secretKey(), this.qrImages.link(enabled)));
	}

	/**
	 * Answers a request to {@code /v1/users/{userId}/email}.
	 * @param userId the decoded id
	 * @throws Refusal for anything refused
	 */
	Reply email(FakeToken caller, ReceivedRequest request, String userId) {
		String method = request.method().toUpperCase(Locale.ROOT);
		if (!method.equals("POST")) {
			throw Refusal.methodNotAllowed(method, request.path(), "POST");
		}
		AccessTokens.require(caller, TokenStore.WRITE, "Sending magic links");
		FakeUser user = UsersApi.existing(this.users, userId);
		if (user.email() == null) {
			throw Refusal.badRequest("The user has no e-mail address to send a magic link to");
		}
		this.links.send(userId, this.tenant.current().callbackUrl());
		return Reply.status(204);
	}

	/**
	 * Answers {@code GET /v1/users/email?payload=<token>}, which redeems a magic link.
	 * @throws Refusal for anything refused
	 */
	Reply redeemMagicLink(ReceivedRequest request) {
		String token = Requests.requiredQueryParameter(request, PAYLOAD);
		MagicLinks.Pending pending = this.links.redeem(token);
		if (pending == null) {
			throw wrong("The magic-link token is wrong or used");
		}
		FakeUser user = pending.userDeleted() ? null : this.users.find(pending.userId());
		if (user == null) {
			throw Refusal.notFound("user could not be found");
		}
		return Reply.json(200, ApiBodies.user(user));
	}

	private static Refusal wrong(String message) {
		return new Refusal(401, "UNAUTHORIZED", message);
	}

}
