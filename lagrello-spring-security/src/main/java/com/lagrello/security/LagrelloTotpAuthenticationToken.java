package com.lagrello.security;

import java.io.Serial;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * A TOTP code a user typed, and, once {@link LagrelloTotpAuthenticationProvider} verified
 * it with Lagrello, the proof of that factor. Its principal and name are the user's
 * Lagrello {@code userId}; its credentials are the code until authentication, after which
 * the code is erased. {@link #toString()} never shows the code.
 * <p>
 * It declares {@link #toBuilder()}, so that Spring Security's multi-factor authentication
 * can add an earlier factor's authorities to it (a token that cannot be built on would
 * replace the first factor instead of adding to it).
 */
public final class LagrelloTotpAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String userId;

	private @Nullable String code;

	private LagrelloTotpAuthenticationToken(String userId, @Nullable String code) {
		super(AuthorityUtils.NO_AUTHORITIES);
		this.userId = userId;
		this.code = code;
	}

	private LagrelloTotpAuthenticationToken(String userId, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.userId = userId;
		super.setAuthenticated(true);
	}

	private LagrelloTotpAuthenticationToken(Builder builder) {
		super(builder);
		this.userId = builder.userId;
		this.code = builder.code;
	}

	/**
	 * Creates the token of a code to verify.
	 * @param userId the Lagrello {@code userId} of the user who typed the code
	 * @param code the code the user typed
	 * @return an unauthenticated token
	 */
	public static LagrelloTotpAuthenticationToken unauthenticated(String userId, String code) {
		Assert.notNull(userId, "userId must not be null");
		Assert.notNull(code, "code must not be null");
		return new LagrelloTotpAuthenticationToken(userId, code);
	}

	/**
	 * Creates the token of a verified code.
	 * @param userId the user's Lagrello {@code userId}
	 * @param authorities the authorities, among them the TOTP factor's
	 * @return an authenticated token without the code
	 */
	static LagrelloTotpAuthenticationToken authenticated(String userId,
			Collection<? extends GrantedAuthority> authorities) {
		return new LagrelloTotpAuthenticationToken(userId, authorities);
	}

	/**
	 * Returns the user's Lagrello {@code userId}.
	 * @return the user id
	 */
	@Override
	public String getPrincipal() {
		return this.userId;
	}

	/**
	 * Returns the code to verify.
	 * @return the code, or {@code null} once erased
	 */
	@Override
	public @Nullable String getCredentials() {
		return this.code;
	}

	/**
	 * Marks this token as not trusted; only {@link LagrelloTotpAuthenticationProvider}
	 * makes a trusted one, after Lagrello verified the code.
	 * @param authenticated {@code false}
	 * @throws IllegalArgumentException if {@code authenticated} is {@code true}
	 */
	@Override
	public void setAuthenticated(boolean authenticated) {
		Assert.isTrue(!authenticated,
				"Cannot set this token to trusted: LagrelloTotpAuthenticationProvider authenticates it");
		super.setAuthenticated(false);
	}

	@Override
	public String getName() {
		return this.userId;
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.code = null;
	}

	@Override
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * A builder of {@link LagrelloTotpAuthenticationToken}s from an existing one, which
	 * Spring Security's multi-factor authentication uses to add the authorities of the
	 * factors a user passed before.
	 */
	public static final class Builder extends AbstractAuthenticationBuilder<Builder> {

		private String userId;

		private @Nullable String code;

		private Builder(LagrelloTotpAuthenticationToken token) {
			super(token);
			this.userId = token.userId;
			this.code = token.code;
		}

		/**
		 * Uses this principal, which must be the user's Lagrello {@code userId}.
		 * @param principal the user id, a {@code String}
		 * @return this builder
		 */
		@Override
		public Builder principal(@Nullable Object principal) {
			Assert.isInstanceOf(String.class, principal, "principal must be the user's Lagrello userId");
			this.userId = (String) principal;
			return this;
		}

		/**
		 * Builds the token.
		 * @return a new token
		 */
		@Override
		public LagrelloTotpAuthenticationToken build() {
			return new LagrelloTotpAuthenticationToken(this);
		}

	}

}
