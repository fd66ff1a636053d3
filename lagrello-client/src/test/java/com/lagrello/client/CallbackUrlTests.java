package com.lagrello.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Which callback URLs an {@link UpdateTenantRequest} takes: the magic links Lagrello
 * e-mails go to the host the URL names, with the token where its {@code {}} is.
 */
class CallbackUrlTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example.com/login/ott?token={}", "https://app.example.com/{}/signin",
			"HTTPS://app.example.com/?t={}", "http://localhost:8080/login/ott?token={}",
			"http://127.0.0.1/login/ott?token={}", "http://[::1]/login/ott?token={}" })
	void anAbsoluteHttpsUrlOrALoopbackHttpUrlWithThePlaceholderIsTaken(String callbackUrl) {
		assertThat(UpdateTenantRequest.of(callbackUrl).callbackUrl()).isEqualTo(callbackUrl);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://{}/login/ott", "https://{}.example.com/login/ott",
			"https://app.example.com{}/login/ott", "https://{}@app.example.com/login/ott",
			"http://localhost:{}/login/ott", "https://app.example.com:{}/login/ott" })
	void aPlaceholderInTheHostOrUserInfoOrPortIsRefused(String callbackUrl) {
		assertThat(refusal(callbackUrl).argument()).isEqualTo("callbackUrl");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1.evil.com/?t={}", "http://localhost.evil.com/?t={}",
			"http://app.example.com/?t={}", "ftp://app.example.com/?t={}", "https:app.example.com/?t={}",
			"https:///?t={}", "/login/ott?token={}", "https://app.example.com/?t={}&u={}",
			"https://app.example.com/login/ott" })
	void anythingButAnAbsoluteHttpsUrlOrALoopbackHttpUrlWithOnePlaceholderIsRefused(String callbackUrl) {
		assertThat(refusal(callbackUrl).argument()).isEqualTo("callbackUrl");
	}

	private static LagrelloInvalidArgumentException refusal(String callbackUrl) {
		return catchThrowableOfType(LagrelloInvalidArgumentException.class, () -> UpdateTenantRequest.of(callbackUrl));
	}

}
