package com.lagrello.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The properties-backed {@link LagrelloConnectionDetails} never answers its non-null
 * {@code getAccessToken()} with null: without a token it fails with the exception whose
 * failure analysis names {@code lagrello.access-token}.
 */
class PropertiesLagrelloConnectionDetailsTests {

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  \n" })
	void withoutAnAccessTokenItFailsNamingThePropertyInsteadOfReturningNull(String token) {
		LagrelloProperties properties = new LagrelloProperties();
		properties.setAccessToken(token);

		assertThatExceptionOfType(MissingAccessTokenException.class)
			.isThrownBy(new PropertiesLagrelloConnectionDetails(properties)::getAccessToken)
			.withMessageContaining("lagrello.access-token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "token-0123456789", " token-0123456789\n" })
	void theAccessTokenIsGivenWithoutSurroundingWhitespace(String token) {
		LagrelloProperties properties = new LagrelloProperties();
		properties.setAccessToken(token);

		assertThat(new PropertiesLagrelloConnectionDetails(properties).getAccessToken()).isEqualTo("token-0123456789");
	}

}
