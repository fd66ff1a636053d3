package com.lagrello.sample.login;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.TotpEnrollment;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.stereotype.Service;

/**
 * The sample's accounts: each is a Lagrello user (who receives magic links and holds the
 * TOTP secret) and a local password account of the same name (Lagrello keeps no
 * passwords). Kept in memory, as the sample keeps everything.
 */
@Service
public class Accounts {

	private final BlockingUsersClient users;

	private final BlockingAuthClient auth;

	private final UserDetailsManager passwords;

	private final PasswordEncoder passwordEncoder;

	// Lagrello's User does not say whether TOTP is on: the sample remembers whom it
	// enrolled
	private final Set<String> totpEnrolled = ConcurrentHashMap.newKeySet();

	Accounts(BlockingUsersClient users, BlockingAuthClient auth, UserDetailsManager passwords,
			PasswordEncoder passwordEncoder) {
		this.users = users;
		this.auth = auth;
		this.passwords = passwords;
		this.passwordEncoder = passwordEncoder;
	}

	/**
	 * Creates the Lagrello user, then the local password account.
	 * @param username the user name, also the Lagrello user's {@code userId}
	 * @param email where Lagrello sends the user's magic links
	 * @param password the local password
	 * @throws UsernameTakenException when the name is in use here or in Lagrello
	 */
	public void signUp(String username, String email, String password) {
		if (this.passwords.userExists(username)) {
			throw new UsernameTakenException(username);
		}
		try {
			this.users.create(CreateUserRequest.of(username, email));
		}
		catch (LagrelloApiException ex) {
			if (ex.statusCode() == 409) {
				throw new UsernameTakenException(username);
			}
			throw ex;
		}
		this.passwords.createUser(
				User.withUsername(username).password(this.passwordEncoder.encode(password)).roles("USER").build());
	}

	/**
	 * Turns TOTP on for the user, once.
	 * @param username the signed-in user
	 * @return the secret and its QR code, to be shown to the user this once
	 * @throws IllegalStateException when the user has TOTP already
	 */
	public TotpEnrollment enrolTotp(String username) {
		if (!this.totpEnrolled.add(username)) {
			throw new IllegalStateException("TOTP is already on for this account");
		}
		try {
			return this.auth.enableTotp(username);
		}
		catch (RuntimeException ex) {
			this.totpEnrolled.remove(username);
			throw ex;
		}
	}

	/**
	 * Tells whether the user has turned TOTP on.
	 * @param username the user's name
	 * @return whether TOTP is on
	 */
	public boolean hasTotp(String username) {
		return this.totpEnrolled.contains(username);
	}

	/**
	 * A user name that is in use already.
	 */
	public static class UsernameTakenException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsernameTakenException(String username) {
			super("The user name " + username + " is taken");
		}

	}

}
