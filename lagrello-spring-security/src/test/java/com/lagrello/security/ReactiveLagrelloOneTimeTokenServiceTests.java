package com.lagrello.security;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.LagrelloTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReactiveLagrelloOneTimeTokenService} against WireMock standing in for Lagrello:
 * the outcomes of {@link LagrelloOneTimeTokenService}, without blocking.
 */
class ReactiveLagrelloOneTimeTokenServiceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension lagrello = LagrelloApi.server();

	private final LagrelloClient client = LagrelloApi.client(lagrello);

	private final ReactiveLagrelloOneTimeTokenService service = new ReactiveLagrelloOneTimeTokenService(
			this.client.auth());

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void generateForAnUnknownUserCompletesExactlyAsForAKnownOne() {
		lagrello.stubFor(LagrelloApi.sendMagicLink("known").willReturn(LagrelloApi.status(204)));
		lagrello.stubFor(LagrelloApi.sendMagicLink("unknown").willReturn(LagrelloApi.status(404)));

		OneTimeToken known = this.service.generate(new GenerateOneTimeTokenRequest("known")).block(WAIT);
		OneTimeToken unknown = this.service.generate(new GenerateOneTimeTokenRequest("unknown")).block(WAIT);

		assertThat(known.getUsername()).isEqualTo("known");
		assertThat(unknown.getUsername()).isEqualTo("unknown");
		assertThat(unknown.getClass()).isEqualTo(known.getClass());
		assertThat(unknown.getTokenValue()).isEqualTo(known.getTokenValue()).isEmpty();
		assertThat(LagrelloApi.requests(lagrello)).hasSize(2);
	}

	@Test
	void generateSendsNothingUntilSubscribed() {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(204)));

		this.service.generate(new GenerateOneTimeTokenRequest("u-1"));

		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 503, 403 })
	void generateWhenLagrelloFailsIsAnAuthenticationServiceException(int status) {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(status)));

		StepVerifier.create(this.service.generate(new GenerateOneTimeTokenRequest("u-1")))
			.expectError(AuthenticationServiceException.class)
			.verify(WAIT);
	}

	@Test
	void consumeRedeemsTheTokenAndNamesTheLagrelloUser() {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.user("u-1")));

		StepVerifier.create(this.service.consume(new OneTimeTokenAuthenticationToken("link-token-1")))
			.assertNext((consumed) -> assertThat(consumed.getUsername()).isEqualTo("u-1"))
			.verifyComplete();
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 404 })
	void consumeOfAWrongOrUsedTokenCompletesEmpty(int status) {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.status(status)));

		StepVerifier.create(this.service.consume(new OneTimeTokenAuthenticationToken("used-token")))
			.expectComplete()
			.verify(WAIT);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void consumeWhenLagrelloFailsIsAnAuthenticationServiceExceptionNotEmpty(int status) {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.status(status)));

		StepVerifier.create(this.service.consume(new OneTimeTokenAuthenticationToken("secret-link-token")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticationServiceException.class)
				.hasMessageNotContaining("secret-link-token"))
			.verify(WAIT);
	}

	@Test
	void consumeWhenLagrelloTimesOutIsAnAuthenticationServiceException() {
		lagrello.stubFor(LagrelloApi.redeemMagicLink().willReturn(LagrelloApi.slow()));

		StepVerifier.create(this.service.consume(new OneTimeTokenAuthenticationToken("secret-link-token")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(AuthenticationServiceException.class)
				.hasCauseInstanceOf(LagrelloTimeoutException.class))
			.verify(WAIT);
	}

}
