package com.lagrello.security;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.LagrelloTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LagrelloTotpAuthenticationProvider} against WireMock standing in for Lagrello: a
 * right code is the TOTP factor, a wrong code or unknown user is a refusal, and Lagrello
 * failing to answer is never taken for a wrong code.
 */
class LagrelloTotpAuthenticationProviderTests {

	@RegisterExtension
	static WireMockExtension lagrello = LagrelloApi.server();

	private final LagrelloClient client = LagrelloApi.client(lagrello);

	private final LagrelloTotpAuthenticationProvider provider = new LagrelloTotpAuthenticationProvider(
			this.client.auth());

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void aRightCodeIsTheTotpFactorOfTheUser() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1")
			.withQueryParam("payload", equalTo("123456"))
			.willReturn(LagrelloApi.user("u-1")));

		Authentication result = new ProviderManager(this.provider)
			.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456"));

		assertThat(result).isInstanceOf(LagrelloTotpAuthenticationToken.class);
		assertThat(result.isAuthenticated()).isTrue();
		assertThat(result.getName()).isEqualTo("u-1");
		assertThat(result.getCredentials()).isNull();
		assertThat(result.getAuthorities()).singleElement().satisfies((authority) -> {
			assertThat(authority).isInstanceOf(FactorGrantedAuthority.class);
			assertThat(authority.getAuthority()).isEqualTo(LagrelloTotpAuthenticationProvider.FACTOR_TOTP_AUTHORITY)
				.isEqualTo("FACTOR_TOTP");
		});
		assertThat(LagrelloApi.requests(lagrello)).singleElement()
			.satisfies((request) -> assertThat(request.getUrl()).isEqualTo("/v1/users/u-1/totp?payload=123456"));
	}

	@Test
	void theRequestsDetailsAreKept() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.user("u-1")));
		LagrelloTotpAuthenticationToken request = LagrelloTotpAuthenticationToken.unauthenticated("u-1", "123456");
		request.setDetails("details");

		assertThat(this.provider.authenticate(request).getDetails()).isEqualTo("details");
	}

	@Test
	void aWrongCodeIsBadCredentials() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(401)));

		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(
				() -> this.provider.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", "000000")));
	}

	@Test
	void anUnknownUserIsTheSameRefusalAsAWrongCode() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(401)));
		lagrello.stubFor(LagrelloApi.verifyTotp("nobody").willReturn(LagrelloApi.status(404)));

		BadCredentialsException wrongCode = catchBadCredentials("u-1");
		BadCredentialsException unknownUser = catchBadCredentials("nobody");

		assertThat(unknownUser.getClass()).isEqualTo(wrongCode.getClass());
		assertThat(unknownUser.getMessage()).isEqualTo(wrongCode.getMessage());
	}

	@Test
	void aBlankCodeIsBadCredentialsAndSendsNothing() {
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> this.provider.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", " ")));
		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 403 })
	void lagrelloFailingIsAnAuthenticationServiceExceptionNotAWrongCode(int status) {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(status)));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(
					() -> this.provider.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", "654321")))
			.withMessageContaining("Lagrello could not verify the TOTP code")
			.withMessageNotContaining("654321");
	}

	@Test
	void aTimeoutIsAnAuthenticationServiceExceptionNotAWrongCode() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.slow()));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> new ProviderManager(this.provider)
				.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", "654321")))
			.withCauseInstanceOf(LagrelloTimeoutException.class);
	}

	@Test
	void supportsItsOwnTokenOnly() {
		assertThat(this.provider.supports(LagrelloTotpAuthenticationToken.class)).isTrue();
		assertThat(this.provider.supports(UsernamePasswordAuthenticationToken.class)).isFalse();
	}

	@Test
	void theFactorIsAddedToTheFirstFactorAsSpringSecurityMergesThem() {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.user("u-1")));
		Authentication password = UsernamePasswordAuthenticationToken.authenticated("u-1", null,
				List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
						new SimpleGrantedAuthority("ROLE_USER")));

		Authentication totp = this.provider.authenticate(LagrelloTotpAuthenticationToken.unauthenticated("u-1", "1"));
		// what AbstractAuthenticationProcessingFilter does with a second factor's result
		Authentication merged = totp.toBuilder()
			.authorities((authorities) -> authorities.addAll(password.getAuthorities()))
			.build();

		assertThat(merged).isInstanceOf(LagrelloTotpAuthenticationToken.class);
		assertThat(merged.isAuthenticated()).isTrue();
		assertThat(merged.getName()).isEqualTo("u-1");
		assertThat(merged.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("FACTOR_TOTP", "FACTOR_PASSWORD", "ROLE_USER");
	}

	private BadCredentialsException catchBadCredentials(String userId) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(BadCredentialsException.class,
				() -> this.provider.authenticate(LagrelloTotpAuthenticationToken.unauthenticated(userId, "000000")));
	}

}
