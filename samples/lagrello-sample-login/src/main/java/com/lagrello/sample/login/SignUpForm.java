package com.lagrello.sample.login;

import org.jspecify.annotations.Nullable;

/**
 * What the sign-up form sends.
 *
 * @param username the name to sign in with, also the Lagrello user's {@code userId}
 * @param email where Lagrello sends magic links
 * @param password the local password
 */
public record SignUpForm(@Nullable String username, @Nullable String email, @Nullable String password) {

	/** The shortest password the sample accepts. */
	static final int MIN_PASSWORD_LENGTH = 8;

	/**
	 * Returns what is wrong with the form, or {@code null} when nothing is.
	 * @return the problem to show the user
	 */
	public @Nullable String problem() {
		if (this.username == null || !this.username.matches("[A-Za-z0-9._-]{1,64}")) {
			return "Choose a user name of letters, digits, '.', '_' or '-' (at most 64).";
		}
		if (this.email == null || !this.email.contains("@")) {
			return "Enter the e-mail address your magic links go to.";
		}
		if (this.password == null || this.password.length() < MIN_PASSWORD_LENGTH) {
			return "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.";
		}
		return null;
	}

}
