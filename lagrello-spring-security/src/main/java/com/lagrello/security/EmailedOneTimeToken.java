package com.lagrello.security;

import java.io.Serial;
import java.time.Instant;

import org.springframework.security.authentication.ott.OneTimeToken;

/**
 * The {@link OneTimeToken} of a magic link that Lagrello e-mails and redeems: the
 * application never holds the link's token, so {@link #getTokenValue()} is empty, the
 * same for every user. For a link that was asked for, it is the same whether or not the
 * user exists, so that it tells nothing about which users exist.
 */
final class EmailedOneTimeToken implements OneTimeToken {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The token value of every instance: the real one is Lagrello's and the user's. */
	static final String NO_TOKEN_VALUE = "";

	private final String username;

	private final Instant expiresAt;

	EmailedOneTimeToken(String username, Instant expiresAt) {
		this.username = username;
		this.expiresAt = expiresAt;
	}

	@Override
	public String getTokenValue() {
		return NO_TOKEN_VALUE;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	@Override
	public String toString() {
		return "EmailedOneTimeToken [username=" + this.username + ", expiresAt=" + this.expiresAt + "]";
	}

}
