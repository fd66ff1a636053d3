package com.lagrello.client.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading {@code Retry-After} in both of its forms.
 */
class RetryAfterTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void delaySecondsAreReadAsSeconds() {
		assertThat(RetryAfter.parse("120", this.clock)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void httpDateIsReadAsTheTimeUntilThen() {
		assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void httpDateInThePastMeansNoWait() {
		assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableOrAbsentValueIsIgnored() {
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
	}

}
