package com.lagrello.client.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110).
 */
final class RetryAfter {

	private RetryAfter() {
	}

	// delay-seconds: digits only (RFC 9110), however many
	private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

	/**
	 * Returns the delay the header asks for, never negative, or {@code null} when it is
	 * absent or unreadable. More seconds than a {@code long} holds are read as the
	 * longest duration of whole seconds, which no policy waits for: such a hint fails the
	 * call as any too long one, rather than being ignored and retried at once.
	 */
	static @Nullable Duration parse(@Nullable String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (DELAY_SECONDS.matcher(value).matches()) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException beyondLong) {
				return Duration.ofSeconds(Long.MAX_VALUE);
			}
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException notDate) {
			return null;
		}
	}

}
