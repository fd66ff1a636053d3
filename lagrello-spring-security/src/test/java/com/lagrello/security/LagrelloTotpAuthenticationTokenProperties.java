package com.lagrello.security;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import org.springframework.security.core.authority.FactorGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TOTP code is a secret: no {@link LagrelloTotpAuthenticationToken} shows it in its
 * {@code toString()}, before or after authentication, nor keeps it once authenticated.
 */
class LagrelloTotpAuthenticationTokenProperties {

	@Property
	void toStringNeverShowsTheCode(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String userId,
			@ForAll @NumericChars @StringLength(min = 6, max = 10) String code) {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated(userId, code);
		token.setDetails("remote address 10.0.0.1");

		assertThat(token.toString()).doesNotContain(code).contains(userId);
		assertThat(token.toBuilder().build().toString()).doesNotContain(code);
	}

	@Property
	void anAuthenticatedTokenHoldsNoCode(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String userId) {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.authenticated(userId, List
			.of(FactorGrantedAuthority.fromAuthority(LagrelloTotpAuthenticationProvider.FACTOR_TOTP_AUTHORITY)));

		assertThat(token.getCredentials()).isNull();
		assertThat(token.toBuilder().build().getCredentials()).isNull();
	}

}
