package com.lagrello.client;

import java.util.Optional;

/**
 * The same client for blocking code, with the rules of {@link BlockingTokensClient}:
 * every call waits at most the client's call timeout and throws the
 * {@link LagrelloException} itself; called on a non-blocking thread (a Reactor or Netty
 * event loop), every method throws a {@code LagrelloException} and sends nothing: use
 * {@link AuthClient} there. A wrong code or magic-link token is an empty
 * {@code Optional}, every other failure a thrown {@code LagrelloException}.
 */
public interface BlockingAuthClient {

	/**
	 * Enables TOTP for a user, as {@link AuthClient#enableTotp} does.
	 * @param userId the user's id
	 * @return the user's TOTP secret and a link to its QR code
	 */
	TotpEnrollment enableTotp(String userId);

	/**
	 * Disables TOTP for a user, as {@link AuthClient#disableTotp} does.
	 * @param userId the user's id
	 */
	void disableTotp(String userId);

	/**
	 * Checks a TOTP code, as {@link AuthClient#verifyTotp} does.
	 * @param userId the user's id
	 * @param code the code the user typed
	 * @return the user if the code is right, empty if it is wrong
	 */
	Optional<User> verifyTotp(String userId, String code);

	/**
	 * E-mails a magic link to a user, as {@link AuthClient#sendMagicLink} does.
	 * @param userId the user's id
	 */
	void sendMagicLink(String userId);

	/**
	 * Redeems the token of a magic link, as {@link AuthClient#redeemMagicLink} does.
	 * @param token the token from the link the user followed
	 * @return the user the link was sent to, empty if the token is wrong or used
	 */
	Optional<User> redeemMagicLink(String token);

}
