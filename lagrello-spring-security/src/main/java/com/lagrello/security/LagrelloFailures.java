package com.lagrello.security;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloInvalidArgumentException;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * How the sign-in classes read a failure of the Lagrello client: either an answer about
 * the user (no such user, or an id or secret Lagrello could never accept) or Lagrello
 * failing to answer, which is never taken for a wrong code, link or user.
 */
final class LagrelloFailures {

	private static final int NOT_FOUND = 404;

	private LagrelloFailures() {
	}

	/**
	 * Whether a failure says that the user, or the link's token, does not exist: a
	 * {@code 404}, or an argument the client refused to send (a blank or over-long user
	 * id, a blank code or token), which no Lagrello user or link can have.
	 * @param failure a failure of the client
	 * @return {@code true} for an answer about the user, {@code false} for Lagrello
	 * failing to answer
	 */
	static boolean isUnknown(Throwable failure) {
		return (failure instanceof LagrelloApiException api && api.statusCode() == NOT_FOUND)
				|| failure instanceof LagrelloInvalidArgumentException;
	}

	/**
	 * Returns the Spring Security failure for Lagrello failing to answer. It is an
	 * {@link InternalAuthenticationServiceException}, the
	 * {@link AuthenticationServiceException} that Spring Security's
	 * {@code ProviderManager} passes on at once instead of asking further providers: the
	 * user's credentials were not checked, so no other provider may refuse them in its
	 * place. The client's message names the operation and the status and never holds a
	 * code, token or access token.
	 * @param what what could not be done, for example {@code "verify the TOTP code"}
	 * @param failure the client's failure
	 * @return the exception to throw
	 */
	static AuthenticationServiceException unavailable(String what, LagrelloException failure) {
		return new InternalAuthenticationServiceException("Lagrello could not " + what + ": " + failure.getMessage(),
				failure);
	}

}
