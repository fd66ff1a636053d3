package com.lagrello.security;

import java.io.IOException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lagrello.client.LagrelloClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link LagrelloOneTimeTokenService} against WireMock standing in for Lagrello: what is
 * sent, what each answer means, and that an unknown user looks like a known one.
 */
class LagrelloOneTimeTokenServiceTests {

	@RegisterExtension
	static WireMockExtension lagrello = LagrelloApi.server();

	private final LagrelloClient client = LagrelloApi.client(lagrello);

	private final LagrelloOneTimeTokenService service = new LagrelloOneTimeTokenService(this.client.auth());

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void generateSendsAMagicLinkToTheUserNamedByTheUsername() {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(204)));

		OneTimeToken token = this.service.generate(new GenerateOneTimeTokenRequest("u-1"));

		assertThat(token.getUsername()).isEqualTo("u-1");
		assertThat(token.getTokenValue()).isEmpty();
		LoggedRequest request = LagrelloApi.requests(lagrello).get(0);
		assertThat(LagrelloApi.requests(lagrello)).hasSize(1);
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1/email");
	}

	@Test
	void generateForAnUnknownUserAnswersExactlyAsForAKnownOne() {
		lagrello.stubFor(LagrelloApi.sendMagicLink("known").willReturn(LagrelloApi.status(204)));
		lagrello.stubFor(LagrelloApi.sendMagicLink("unknown").willReturn(LagrelloApi.status(404)));

		OneTimeToken known = this.service.generate(new GenerateOneTimeTokenRequest("known"));
		OneTimeToken unknown = this.service.generate(new GenerateOneTimeTokenRequest("unknown"));

		assertThat(unknown.getClass()).isEqualTo(known.getClass());
		assertThat(unknown.getTokenValue()).isEqualTo(known.getTokenValue()).isEmpty();
		assertThat(unknown.getUsername()).isEqualTo("unknown");
		assertThat(unknown.getExpiresAt()).isCloseTo(known.getExpiresAt(),
				org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
	}

	@Test
	void generateForAUserIdLagrelloCouldNeverHaveAnswersAsForAKnownUserAndSendsNothing() {
		OneTimeToken token = this.service.generate(new GenerateOneTimeTokenRequest("x".repeat(129)));

		assertThat(token.getTokenValue()).isEmpty();
		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 403, 400 })
	void generateWhenLagrelloFailsIsAnAuthenticationServiceException(int status) {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(status)));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> this.service.generate(new GenerateOneTimeTokenRequest("u-1")))
			.withMessageContaining("Lagrello could not send a magic link")
			.withMessageContaining(String.valueOf(status));
	}

	@Test
	void generateWhenLagrelloTimesOutIsAnAuthenticationServiceException() {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.slow()));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> this.service.generate(new GenerateOneTimeTokenRequest("u-1")))
			.withCauseInstanceOf(com.lagrello.client.LagrelloTimeoutException.class);
	}

	@Test
	void generateWhenLagrelloCannotBeReachedIsAnAuthenticationServiceException() throws IOException {
		try (LagrelloClient unreachable = LagrelloApi.client("http://localhost:" + LagrelloApi.closedPort())) {
			LagrelloOneTimeTokenService service = new LagrelloOneTimeTokenService(unreachable.auth());

			assertThatExceptionOfType(AuthenticationServiceException.class)
				.isThrownBy(() -> service.generate(new GenerateOneTimeTokenRequest("u-1")));
		}
	}

	@Test
	void consumeRedeemsTheTokenAndNamesTheLagrelloUser() {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.user("u-1")));

		OneTimeToken consumed = this.service.consume(new OneTimeTokenAuthenticationToken("link-token-1"));

		assertThat(consumed).isNotNull();
		assertThat(consumed.getUsername()).isEqualTo("u-1");
		assertThat(consumed.getTokenValue()).isEmpty();
		assertThat(LagrelloApi.requests(lagrello)).singleElement()
			.satisfies((request) -> assertThat(request.getUrl()).isEqualTo("/v1/users/email?payload=link-token-1"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 404 })
	void consumeOfAWrongOrUsedTokenIsNull(int status) {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.status(status)));

		assertThat(this.service.consume(new OneTimeTokenAuthenticationToken("used-token"))).isNull();
	}

	@Test
	void consumeOfABlankTokenIsNullAndSendsNothing() {
		assertThat(this.service.consume(new OneTimeTokenAuthenticationToken(" "))).isNull();
		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 403 })
	void consumeWhenLagrelloFailsIsAnAuthenticationServiceExceptionNotAWrongLink(int status) {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.status(status)));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> this.service.consume(new OneTimeTokenAuthenticationToken("secret-link-token")))
			.withMessageContaining("Lagrello could not redeem the magic link")
			.withMessageNotContaining("secret-link-token");
	}

	@Test
	void consumeWhenLagrelloTimesOutIsAnAuthenticationServiceException() {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.slow()));

		assertThatExceptionOfType(AuthenticationServiceException.class)
			.isThrownBy(() -> this.service.consume(new OneTimeTokenAuthenticationToken("secret-link-token")))
			.withCauseInstanceOf(com.lagrello.client.LagrelloTimeoutException.class)
			.withMessageNotContaining("secret-link-token");
	}

}
