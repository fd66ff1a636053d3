package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.LIST)::retrying))
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
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.LIST)::retrying))
			.expectError(LagrelloApiException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void backoffIsJitteredBetweenHalfAndAllOfTheExponentialDelay() {
		// first retry waits 100..200 ms, the second 200..400 ms
		StepVerifier
			.withVirtualTime(() -> failingTimes(2, status(503, null))
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.LIST)::retrying))
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
			.withVirtualTime(() -> failingTimes(1, notSent)
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.CREATE)::retrying))
			.thenAwait(Duration.ofSeconds(1))
			.expectNext("ok")
			.verifyComplete();

		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void nonIdempotentCallIsNotRetriedOnceTheRequestMayHaveBeenSent() {
		LagrelloTransportException sent = new LagrelloTransportException("reset", true, false, new RuntimeException());

		StepVerifier
			.withVirtualTime(() -> failingTimes(1, sent)
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.CREATE)::retrying))
			.expectError(LagrelloTransportException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void answerCutOffAfterItStartedIsNotRetried() {
		LagrelloTransportException cutOff = new LagrelloTransportException("cut off", true, true,
				new RuntimeException());

		StepVerifier
			.withVirtualTime(() -> failingTimes(1, cutOff)
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.LIST)::retrying))
			.expectError(LagrelloTransportException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void nonIdempotentCallIsNotRetriedOn503() {
		StepVerifier
			.withVirtualTime(() -> failingTimes(1, status(503, null))
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.CREATE)::retrying))
			.expectError(LagrelloApiException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void timeoutIsNotRetried() {
		LagrelloTimeoutException timeout = new LagrelloTimeoutException("tokens/list", Duration.ofSeconds(1),
				new RuntimeException());

		StepVerifier
			.withVirtualTime(() -> failingTimes(1, timeout)
				.transform(new TransientFailureRetry(POLICY, WebClientTokensClient.LIST)::retrying))
			.expectError(LagrelloTimeoutException.class)
			.verify();

		assertThat(this.attempts).hasValue(1);
	}

}
