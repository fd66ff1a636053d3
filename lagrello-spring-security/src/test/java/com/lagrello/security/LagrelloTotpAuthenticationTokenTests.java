package com.lagrello.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.FactorGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LagrelloTotpAuthenticationToken}: what it holds before and after authentication.
 */
class LagrelloTotpAuthenticationTokenTests {

	@Test
	void anUnauthenticatedTokenHoldsTheUserAndTheCode() {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456");

		assertThat(token.isAuthenticated()).isFalse();
		assertThat(token.getName()).isEqualTo("u-1");
		assertThat(token.getPrincipal()).isEqualTo("u-1");
		assertThat(token.getCredentials()).isEqualTo("123456");
		assertThat(token.getAuthorities()).isEmpty();
	}

	@Test
	void onlyTheProviderMakesATrustedToken() {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456");

		assertThatIllegalArgumentException().isThrownBy(() -> token.setAuthenticated(true));
		token.setAuthenticated(false);
		assertThat(token.isAuthenticated()).isFalse();
	}

	@Test
	void erasingCredentialsErasesTheCode() {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456");

		token.eraseCredentials();

		assertThat(token.getCredentials()).isNull();
		assertThat(token.getName()).isEqualTo("u-1");
	}

	@Test
	void toBuilderKeepsTheTypeTheUserAndTheAuthorities() {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.authenticated("u-1",
				List.of(FactorGrantedAuthority.fromAuthority("FACTOR_TOTP")));
		token.setDetails("details");

		LagrelloTotpAuthenticationToken copy = token.toBuilder().build();

		assertThat(copy).isEqualTo(token);
		assertThat(copy.getDetails()).isEqualTo("details");
	}

	@Test
	void theBuildersPrincipalMustBeAUserId() {
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456");

		assertThat(token.toBuilder().principal("u-2").build().getName()).isEqualTo("u-2");
		assertThatIllegalArgumentException().isThrownBy(() -> token.toBuilder().principal(new Object()));
	}

}
