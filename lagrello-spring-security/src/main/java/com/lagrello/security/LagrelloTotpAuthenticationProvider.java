package com.lagrello.security;

import java.util.List;
import java.util.Optional;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.User;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Verifies a {@link LagrelloTotpAuthenticationToken}'s code with Lagrello: TOTP as a
 * factor of Spring Security's multi-factor authentication. A right code gives an
 * authenticated token named by the user's {@code userId} whose authorities hold the
 * {@link FactorGrantedAuthority} {@value #FACTOR_TOTP_AUTHORITY}; a wrong code or an
 * unknown user is a {@link BadCredentialsException} (the same for both); Lagrello failing
 * to answer (unreachable, {@code 5xx}, a timeout, a refused access token) is an
 * {@link AuthenticationServiceException}, never taken for a wrong code.
 * <p>
 * A servlet application requires the factor after its own first one with
 * {@code @EnableMultiFactorAuthentication(authorities = {
 * FactorGrantedAuthority.PASSWORD_AUTHORITY, "FACTOR_TOTP" })} and
 * {@code com.lagrello.security.config.LagrelloTotpConfigurer}, which registers this
 * provider with its filter. Register it as an {@code AuthenticationProvider} bean only
 * beside the application's other providers: Spring Security builds its global
 * {@code AuthenticationManager} from a lone provider bean and would drop the
 * application's own password login. It blocks on the client's
 * {@link AuthClient#blocking() blocking} face, with the client's call timeout, as
 * {@link AuthenticationProvider} is blocking. Immutable and thread-safe.
 */
public final class LagrelloTotpAuthenticationProvider implements AuthenticationProvider {

	/** The authority of the TOTP factor, granted as a {@link FactorGrantedAuthority}. */
	public static final String FACTOR_TOTP_AUTHORITY = "FACTOR_TOTP";

	private static final String WRONG_CODE = "Invalid TOTP code";

	private final BlockingAuthClient auth;

	/**
	 * Creates a provider that verifies codes with the given client.
	 * @param auth the Lagrello client for sign-in
	 */
	public LagrelloTotpAuthenticationProvider(AuthClient auth) {
		Assert.notNull(auth, "auth must not be null");
		this.auth = auth.blocking();
	}

	/**
	 * Verifies the token's code for the token's user with Lagrello.
	 * @param authentication a {@link LagrelloTotpAuthenticationToken}
	 * @return an authenticated {@link LagrelloTotpAuthenticationToken} with the
	 * {@value #FACTOR_TOTP_AUTHORITY} factor and the request's details
	 * @throws BadCredentialsException if the code is wrong, used, or blank, or the user
	 * is unknown
	 * @throws AuthenticationServiceException if Lagrello did not answer whether the code
	 * is right
	 */
	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		LagrelloTotpAuthenticationToken token = (LagrelloTotpAuthenticationToken) authentication;
		String userId = token.getName();
		String code = token.getCredentials();
		if (!StringUtils.hasText(code)) {
			throw new BadCredentialsException(WRONG_CODE);
		}
		Optional<User> verified;
		try {
			verified = this.auth.verifyTotp(userId, code);
		}
		catch (LagrelloException ex) {
			if (LagrelloFailures.isUnknown(ex)) {
				// the same refusal as for a wrong code: it must not tell which users
				// exist
				throw new BadCredentialsException(WRONG_CODE);
			}
			throw LagrelloFailures.unavailable("verify the TOTP code", ex);
		}
		if (verified.isEmpty()) {
			throw new BadCredentialsException(WRONG_CODE);
		}
		LagrelloTotpAuthenticationToken result = LagrelloTotpAuthenticationToken.authenticated(userId,
				List.of(FactorGrantedAuthority.fromAuthority(FACTOR_TOTP_AUTHORITY)));
		result.setDetails(token.getDetails());
		return result;
	}

	/**
	 * Supports {@link LagrelloTotpAuthenticationToken} only.
	 * @param authentication the type of an authentication request
	 * @return whether it is a {@link LagrelloTotpAuthenticationToken}
	 */
	@Override
	public boolean supports(Class<?> authentication) {
		return LagrelloTotpAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
