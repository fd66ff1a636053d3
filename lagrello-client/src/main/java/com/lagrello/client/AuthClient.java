package com.lagrello.client;

import reactor.core.publisher.Mono;

/**
 * Sign-in with Lagrello: TOTP codes (enrolment and checks) and e-mailed magic links. A
 * wrong code or magic-link token is an answer, not a failure: {@link #verifyTotp} and
 * {@link #redeemMagicLink} complete empty on a {@code 401}. Every other failure is a
 * {@link LagrelloException}, so a Lagrello that cannot be reached or answers {@code 5xx}
 * is never taken for a wrong code. Codes, magic-link tokens and TOTP secrets never appear
 * in a message, a {@code toString()}, a log line or an observation. Get one from
 * {@link LagrelloClient#auth()}. Implementations are immutable and thread-safe.
 */
public interface AuthClient {

	/**
	 * Enables TOTP for a user ({@code POST /v1/users/{userId}/totp}
	 * {@code {"enable":true}}) and returns the secret to show the user once.
	 * @param userId the user's id
	 * @return the user's TOTP secret and a link to its QR code
	 */
	Mono<TotpEnrollment> enableTotp(String userId);

	/**
	 * Disables TOTP for a user ({@code POST /v1/users/{userId}/totp}
	 * {@code {"enable":false}}).
	 * @param userId the user's id
	 * @return completion once TOTP is disabled
	 */
	Mono<Void> disableTotp(String userId);

	/**
	 * Checks a TOTP code a user typed ({@code GET /v1/users/{userId}/totp?payload=}).
	 * Retried only after a failure that certainly did not use the code up: a connection
	 * that could not be made, or a {@code 429}.
	 * @param userId the user's id
	 * @param code the code the user typed
	 * @return the user if the code is right, empty if it is wrong ({@code 401})
	 */
	Mono<User> verifyTotp(String userId, String code);

	/**
	 * E-mails a magic link to a user ({@code POST /v1/users/{userId}/email}): the
	 * tenant's callback URL with a fresh single-use token in place of its {@code {}}.
	 * Never sent twice once it may have reached the server.
	 * @param userId the user's id
	 * @return completion once the e-mail is sent
	 */
	Mono<Void> sendMagicLink(String userId);

	/**
	 * Redeems the token of a magic link ({@code GET /v1/users/email?payload=}). Retried
	 * only after a failure that certainly did not use the token up: a connection that
	 * could not be made, or a {@code 429}.
	 * @param token the token from the link the user followed
	 * @return the user the link was sent to, empty if the token is wrong or used
	 * ({@code 401})
	 */
	Mono<User> redeemMagicLink(String token);

	/**
	 * Returns this client for blocking code, with the client's call timeout.
	 * @return the blocking face of this client
	 */
	BlockingAuthClient blocking();

}
