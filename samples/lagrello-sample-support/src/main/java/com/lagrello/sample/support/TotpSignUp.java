package com.lagrello.sample.support;

import java.net.URI;

import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.User;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /users} answers: the new user and the link to the QR code of their
 * TOTP secret, for the page that shows it once to the user. The link holds the secret:
 * {@link #toString()} masks it, so that a log line of this answer does not show it.
 *
 * @param userId the user's id
 * @param email the user's e-mail address, or {@code null}
 * @param qrImage the link to the QR code image for the user's authenticator app
 */
public record TotpSignUp(String userId, @Nullable String email, URI qrImage) {

	/**
	 * Returns the answer for a user whose TOTP was just enabled.
	 * @param user the created user
	 * @param totp what enabling TOTP answered
	 * @return the answer, without the Base32 secret itself
	 */
	public static TotpSignUp of(User user, TotpEnrollment totp) {
		return new TotpSignUp(user.userId(), user.email(), totp.qrImage());
	}

	@Override
	public String toString() {
		return "TotpSignUp[userId=" + this.userId + ", email=" + this.email + ", qrImage=****]";
	}

}
