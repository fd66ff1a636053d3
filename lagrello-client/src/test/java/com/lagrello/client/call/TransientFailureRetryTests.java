package com.lagrello.client.call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.RetryPolicy;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retry decision and its delays, in virtual time.
 */
class TransientFailureRetryTests {

	private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5),
			Duration.ofSeconds(60));

	private static final Operation LIST = new Operation("tokens/list", "/v1/tokens", RetryRule.TRANSIENT,
			AnswerRule.AS_IS);

	private static final Operation CREATE = new Operation("tokens/create", "/v1/tokens", RetryRule.NOT_SENT,
			AnswerRule.AS_IS);

	private final AtomicInteger attempts = new AtomicInteger();

	private Mono<String> failingTimes(int failures, RuntimeException failure) {
		return Mono.defer(() -> (this.attempts.incrementAndGet() <= failures) ? Mono.error(failure) : Mono.just("ok"));
	}

	private static LagrelloApiException status(int status, Duration retryAfter) {
		return new LagrelloApiException("tokens/list", status, null, null, null, retryAfter);
	}

	@Test
	void retryAfterIsWaitedForEvenWhenLongerThanMaxBackoff() {
		StepVerifier
			.withVirtualTime(() -> failingTimes(1, status(503, Duration.ofSeconds(30)))
				.transform(new TransientFailureRetry(POLICY, LIST)::retrying))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(29))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();

		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void retryAfterLongerThanMaxRetryAfterFailsWithoutRetry() {
		StepVerifier
			.withVirtualTime(() -> failingTimes(1, status(429, Duration.ofSeconds(61)))
				.transform(new TransientFailureRetry(POLICY, LIST)::retrying))
			.expectError(LagrelloApiException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void backoffIsJitteredBetweenHalfAndAllOfTheExponentialDelay() {
		// first retry waits 100..200 ms, the second 200..400 ms
		StepVerifier
			.withVirtualTime(() -> failingTimes(2, status(503, null))
				.transform(new TransientFailureRetry(POLICY, LIST)::retrying))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(99))
			.then(() -> assertThat(this.attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(101))
			.then(() -> assertThat(this.attempts).hasValue(2))
			.thenAwait(Duration.ofMillis(400))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void nonIdempotentCallIsRetriedOnlyWhenTheRequestWasNeverSent() {
		LagrelloTransportException notSent = new LagrelloTransportException("refused", false, false,
				new RuntimeException());

		StepVerifier
			.withVirtualTime(
					() -> failingTimes(1, notSent).transform(new TransientFailureRetry(POLICY, CREATE)::retrying))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();

		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void nonIdempotentCallIsNotRetriedOnceTheRequestMayHaveBeenSent() {
		LagrelloTransportException sent = new LagrelloTransportException("reset", true, false, new RuntimeException());

		StepVerifier
			.withVirtualTime(() -> failingTimes(1, sent).transform(new TransientFailureRetry(POLICY, CREATE)::retrying))
			.expectError(LagrelloTransportException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void answerCutOffAfterItStartedIsNotRetried() {
		LagrelloTransportException cutOff = new LagrelloTransportException("cut off", true, true,
				new RuntimeException());

		StepVerifier
			.withVirtualTime(() -> failingTimes(1, cutOff).transform(new TransientFailureRetry(POLICY, LIST)::retrying))
			.expectError(LagrelloTransportException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void nonIdempotentCallIsNotRetriedOn503() {
		StepVerifier.withVirtualTime(
				() -> failingTimes(1, status(503, null)).transform(new TransientFailureRetry(POLICY, CREATE)::retrying))
			.expectError(LagrelloApiException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void timeoutIsNotRetried() {
		LagrelloTimeoutException timeout = new LagrelloTimeoutException("tokens/list", Duration.ofSeconds(1),
				new RuntimeException());

		StepVerifier
			.withVirtualTime(
					() -> failingTimes(1, timeout).transform(new TransientFailureRetry(POLICY, LIST)::retrying))
			.expectError(LagrelloTimeoutException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

}
