package com.lagrello.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

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

}
