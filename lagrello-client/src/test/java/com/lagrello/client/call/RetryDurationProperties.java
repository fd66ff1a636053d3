package com.lagrello.client.call;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloInvalidArgumentException;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TokensClientBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No arithmetic on a duration or a {@code Retry-After} overflows: every duration a
 * {@link RetryPolicy} accepts and every hint a server may send end in a wait, a retry or
 * a {@link LagrelloException}, never an {@code ArithmeticException}.
 */
class RetryDurationProperties {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	@Property(tries = 1000)
	void aRetryAfterOfAnyNumberOfSecondsIsReadAndClampedToTheLongestDuration(@ForAll("seconds") BigInteger seconds) {
		Duration delay = RetryAfter.parse(seconds.toString(), CLOCK);

		assertThat(delay).isEqualTo(Duration.ofSeconds(seconds.min(LONG_MAX).longValueExact()));
	}

	@Property(tries = 500)
	void aRetryAfterDateOfAnyYearIsReadWithoutOverflow(@ForAll @IntRange(min = 1, max = 9998) int year,
			@ForAll @LongRange(min = 0, max = 365L * 86400) long second) {
		ZonedDateTime at = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(second);
		Duration delay = RetryAfter.parse(DateTimeFormatter.RFC_1123_DATE_TIME.format(at), CLOCK);

		assertThat(delay).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
	}

	@Property(tries = 1000)
	void aPolicyIsRefusedOrItsBackoffStaysWithinItsBoundsForEveryRetry(@ForAll("durations") Duration initial,
			@ForAll("durations") Duration max, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long retry) {
		Throwable refused = catchThrowable(() -> new RetryPolicy(3, initial, max, max));
		if (refused != null) {
			assertThat(refused).isInstanceOf(LagrelloInvalidArgumentException.class);
			return;
		}
		Duration backoff = new RetryPolicy(3, initial, max, max).backoff(retry);
		assertThat(backoff).isBetween(initial, max);
		assertThat(backoff.toNanos()).isNotNegative();
	}

	@Property(tries = 300)
	void aRetryWithAnyAcceptedPolicyAndAnyHintRetriesOrFailsWithTheAnswerNeverWithOverflow(
			@ForAll("durations") Duration backoff, @ForAll("durations") Duration maxRetryAfter,
			@ForAll("seconds") BigInteger hintSeconds, @ForAll long deadline) {
		RetryPolicy policy;
		try {
			policy = new RetryPolicy(2, backoff, backoff, maxRetryAfter);
		}
		catch (LagrelloInvalidArgumentException refused) {
			return;
		}
		Duration hint = RetryAfter.parse(hintSeconds.toString(), CLOCK);
		LagrelloApiException unavailable = new LagrelloApiException("tokens/list", 503, null, null, null, hint);
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> attempt = Mono
			.defer(() -> (attempts.incrementAndGet() == 1) ? Mono.error(unavailable) : Mono.just("ok"));
		TransientFailureRetry retry = new TransientFailureRetry(policy,
				new Operation("tokens/list", "/v1/tokens", RetryRule.TRANSIENT, AnswerRule.AS_IS),
				new Deadline(deadline, TokensClientBuilder.MAX_TIMEOUT), CallCoordination.NONE,
				new RetryAllowance(RetryBudget.UNLIMITED), OperationObservations.CallTrace.NONE);

		StepVerifier
			.withVirtualTime(() -> retry.retrying(attempt)
				.onErrorResume(LagrelloApiException.class, (failure) -> Mono.just("failed with the answer")))
			.thenAwait(TokensClientBuilder.MAX_TIMEOUT.plusSeconds(1))
			.assertNext((outcome) -> assertThat(outcome).isIn("ok", "failed with the answer"))
			.verifyComplete();
	}

	@Property(tries = 300)
	void aHoldOfAnyLengthNeverOverflows(@ForAll("seconds") BigInteger seconds) {
		RetryAfterHold hold = new RetryAfterHold();
		hold.until(RetryAfter.parse(seconds.toString(), CLOCK));

		StepVerifier.withVirtualTime(hold::await).expectSubscription().thenCancel().verify();
	}

	/**
	 * Seconds from none to far beyond {@code Long.MAX_VALUE}, most of them near the
	 * edges.
	 */
	@Provide
	Arbitrary<BigInteger> seconds() {
		return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(86_400 * 2)),
				Arbitraries.bigIntegers().between(BigInteger.ZERO, LONG_MAX.multiply(BigInteger.TEN)),
				Arbitraries.of(BigInteger.valueOf(9_999_999_999L), LONG_MAX, LONG_MAX.add(BigInteger.ONE),
						BigInteger.TEN.pow(40)));
	}

	/**
	 * Durations from none to far beyond what a policy accepts, most of them near its
	 * limit.
	 */
	@Provide
	Arbitrary<Duration> durations() {
		long limit = TokensClientBuilder.MAX_TIMEOUT.toNanos();
		return Arbitraries.oneOf(Arbitraries.longs().between(0, limit + 1_000).map(Duration::ofNanos),
				Arbitraries.longs().between(0, Long.MAX_VALUE).map(Duration::ofSeconds),
				Arbitraries.of(Duration.ZERO, TokensClientBuilder.MAX_TIMEOUT, Duration.ofDays(200_000),
						Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
	}

}
