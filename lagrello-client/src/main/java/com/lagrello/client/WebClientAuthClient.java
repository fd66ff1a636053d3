package com.lagrello.client;

import java.net.URI;
import java.util.Map;

import com.lagrello.client.blocking.BlockingAuthClientAdapter;
import com.lagrello.client.call.AnswerRule;
import com.lagrello.client.call.Operation;
import com.lagrello.client.call.RetryRule;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * {@link AuthClient} over the calls of a {@link LagrelloClient}: it states the sign-in
 * operations and builds their requests; the client's call pipeline does the rest. A code
 * or magic-link token travels as the query value {@code payload}, masked in everything
 * WebClient sees ({@link SecretUrl}). Immutable and thread-safe.
 */
final class WebClientAuthClient implements AuthClient {

	static final String TOTP_PATH = "/v1/users/{userId}/totp";

	static final String EMAIL_PATH = "/v1/users/{userId}/email";

	static final String MAGIC_LINK_PATH = "/v1/users/email";

	/**
	 * {@code POST /v1/users/{userId}/totp}: enabling returns a new secret each time, but
	 * only the last one counts, as it would have had the first answer arrived.
	 */
	static final Operation TOTP_TOGGLE = new Operation("users/totp/toggle", TOTP_PATH, RetryRule.TRANSIENT,
			AnswerRule.AS_IS);

	/**
	 * {@code GET /v1/users/{userId}/totp?payload=}: a code may be good once, so retried
	 * only after a failure that certainly did not use it; a {@code 401} is a wrong code.
	 */
	static final Operation VERIFY_TOTP = new Operation("users/totp/auth", TOTP_PATH, RetryRule.NOT_APPLIED,
			AnswerRule.EMPTY_WHEN_REJECTED);

	/** {@code POST /v1/users/{userId}/email}: an e-mail must never go out twice. */
	static final Operation SEND_MAGIC_LINK = new Operation("users/email/send", EMAIL_PATH, RetryRule.NOT_SENT,
			AnswerRule.AS_IS);

	/**
	 * {@code GET /v1/users/email?payload=}: a token is good once, so retried only after a
	 * failure that certainly did not use it; a {@code 401} is a wrong or used token.
	 */
	static final Operation REDEEM_MAGIC_LINK = new Operation("users/email/auth", MAGIC_LINK_PATH, RetryRule.NOT_APPLIED,
			AnswerRule.EMPTY_WHEN_REJECTED);

	private static final Map<String, Boolean> ENABLE = Map.of("enable", true);

	private static final Map<String, Boolean> DISABLE = Map.of("enable", false);

	private final ApiCalls calls;

	WebClientAuthClient(ApiCalls calls) {
		this.calls = calls;
	}

	@Override
	public Mono<TotpEnrollment> enableTotp(String userId) {
		return ApiCalls.checked(
				() -> this.calls.call(TOTP_TOGGLE, HttpMethod.POST, totpUrl(userId), ENABLE, TotpEnrollment.class));
	}

	@Override
	public Mono<Void> disableTotp(String userId) {
		return ApiCalls
			.checked(() -> this.calls.call(TOTP_TOGGLE, HttpMethod.POST, totpUrl(userId), DISABLE, Void.class));
	}

	@Override
	public Mono<User> verifyTotp(String userId, String code) {
		return ApiCalls.checked(() -> {
			String id = Arguments.userId(userId);
			String secret = Arguments.secret("code", code);
			SecretUrl url = SecretUrl.of(this.calls.template(TOTP_PATH + "?payload={code}"), secret, Secrets.MASK, id);
			return this.calls.call(VERIFY_TOTP, HttpMethod.GET, url, secret, User.class);
		});
	}

	@Override
	public Mono<Void> sendMagicLink(String userId) {
		return ApiCalls.checked(() -> this.calls.call(SEND_MAGIC_LINK, HttpMethod.POST,
				this.calls.expand(EMAIL_PATH, Arguments.userId(userId)), null, Void.class));
	}

	@Override
	public Mono<User> redeemMagicLink(String token) {
		return ApiCalls.checked(() -> {
			String secret = Arguments.secret("token", token);
			SecretUrl url = SecretUrl.of(this.calls.template(MAGIC_LINK_PATH + "?payload={token}"), secret,
					Secrets.MASK);
			return this.calls.call(REDEEM_MAGIC_LINK, HttpMethod.GET, url, secret, User.class);
		});
	}

	private URI totpUrl(String userId) {
		return this.calls.expand(TOTP_PATH, Arguments.userId(userId));
	}

	@Override
	public BlockingAuthClient blocking() {
		return BlockingAuthClientAdapter.overOwnClient(this, this.calls.options().callTimeout());
	}

	@Override
	public String toString() {
		return "AuthClient[baseUrl=" + this.calls.options().baseUrl() + "]";
	}

}
