package com.lagrello.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RetryPolicy}'s schedule and validation.
 */
class RetryPolicyTests {

	@Test
	void backoffDoublesFromInitialUpToMax() {
		RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(60));

		assertThat(policy.backoff(0)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(800));
		assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.backoff(1_000_000)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void maxAttemptsBelowOneIsRejected() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
	}

	@Test
	void maxBackoffShorterThanInitialIsRejected() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
	}

	@ParameterizedTest
	@ValueSource(strings = { "initialBackoff", "maxBackoff", "maxRetryAfter" })
	void aDurationLongerThanTheLongestTimeoutIsRejectedNamingTheSetting(String setting) {
		Duration tooLong = TokensClientBuilder.MAX_TIMEOUT.plusNanos(1);
		Duration initial = setting.equals("initialBackoff") ? tooLong : Duration.ZERO;
		Duration max = setting.equals("maxRetryAfter") ? Duration.ZERO : tooLong;
		Duration retryAfter = setting.equals("maxRetryAfter") ? tooLong : Duration.ZERO;

		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> new RetryPolicy(3, initial, max, retryAfter))
			.satisfies((ex) -> assertThat(ex.argument()).isEqualTo(setting))
			.withMessageContaining("retryPolicy " + setting)
			.withMessageContaining("at most 1d");
	}

	@Test
	void theLongestTimeoutItselfIsAccepted() {
		Duration day = TokensClientBuilder.MAX_TIMEOUT;

		assertThat(new RetryPolicy(3, day, day, day).backoff(Long.MAX_VALUE)).isEqualTo(day);
	}

}
