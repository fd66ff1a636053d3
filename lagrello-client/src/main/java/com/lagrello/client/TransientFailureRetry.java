package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Retries transient failures of one operation as its {@link RetryPolicy} says, honouring
 * {@code Retry-After}. Delays run on Reactor's parallel scheduler, so tests can replace
 * it with virtual time.
 * <p>
 * Not a {@code retryWhen} companion: that costs a sink and a subscription per call, paid
 * on every page of a drain although most calls never fail. An {@code onErrorResume} costs
 * nothing until an attempt fails.
 */
final class TransientFailureRetry {

	private static final Logger logger = LoggerFactory.getLogger(TransientFailureRetry.class);

	private final RetryPolicy policy;

	private final String operation;

	private final boolean idempotent;

	// Reactor's clock (virtual in tests), in nanoseconds
	private final long deadline;

	// what set the deadline, for the message of a call it cut short
	private final Duration callTimeout;

	private final Consumer<Duration> onRetryAfter;

	private final RetryAllowance allowance;

	private final OperationObservations.CallTrace trace;

	TransientFailureRetry(RetryPolicy policy, String operation, boolean idempotent) {
		this(policy, operation, idempotent, Long.MAX_VALUE, TokensClientBuilder.MAX_TIMEOUT, (hint) -> {
		}, new RetryAllowance(RetryBudget.UNLIMITED), OperationObservations.CallTrace.NONE);
	}

	/**
	 * Creates a retry that sends nothing after the deadline (set by the call timeout),
	 * reports every {@code Retry-After} hint it meets, spends the given budget and tells
	 * the call's trace how long it waits.
	 */
	TransientFailureRetry(RetryPolicy policy, String operation, boolean idempotent, long deadline, Duration callTimeout,
			Consumer<Duration> onRetryAfter, RetryAllowance allowance, OperationObservations.CallTrace trace) {
		this.policy = policy;
		this.operation = operation;
		this.idempotent = idempotent;
		this.deadline = deadline;
		this.callTimeout = callTimeout;
		this.onRetryAfter = onRetryAfter;
		this.allowance = allowance;
		this.trace = trace;
	}

	/**
	 * Returns the time on Reactor's clock, which tests may make virtual.
	 */
	static long now() {
		return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
	}

	/**
	 * Returns the attempt, subscribed again after each transient failure, as long as the
	 * policy, the deadline and the budget allow.
	 */
	<T> Mono<T> retrying(Mono<T> attempt) {
		return retrying(attempt, 0);
	}

	private <T> Mono<T> retrying(Mono<T> attempt, long retries) {
		return attempt.onErrorResume(
				(failure) -> waitBeforeRetry(retries, failure).then(Mono.defer(() -> retrying(attempt, retries + 1))));
	}

	/**
	 * Completes when the retry may be sent, or fails with the failure when it may not.
	 */
	private Mono<Long> waitBeforeRetry(long retries, Throwable failure) {
		long attempt = retries + 1;
		reportRetryAfter(failure);
		if (attempt >= this.policy.maxAttempts() || !isTransient(failure)) {
			return Mono.error(failure);
		}
		Duration delay = delayBefore(retries, failure);
		if (delay != null && now() + delay.toNanos() > this.deadline) {
			logger.debug("{} attempt {} failed and waiting {} ms would pass the call timeout: giving up",
					this.operation, attempt, delay.toMillis());
			if (failure instanceof LagrelloException lagrello) {
				lagrello.givenUpBecause(cutShort(attempt, delay));
			}
			return Mono.error(failure);
		}
		if (delay == null) {
			logger.debug("{} attempt {} failed and the server asks to wait longer than {}: giving up", this.operation,
					attempt, this.policy.maxRetryAfter());
			return Mono.error(failure);
		}
		if (!this.allowance.tryRetry()) {
			logger.debug("{} attempt {} failed and the retry budget is spent: giving up", this.operation, attempt);
			if (failure instanceof LagrelloException lagrello) {
				lagrello.givenUpBecause(
						"the retry budget (lagrello.retry.budget.*, " + this.allowance.budget() + ") is spent");
			}
			return Mono.error(failure);
		}
		logger.debug("{} attempt {} of {} failed ({}); retrying in {} ms", this.operation, attempt,
				this.policy.maxAttempts(), failure.getMessage(), delay.toMillis());
		this.trace.waitedBeforeRetry(delay);
		return Mono.delay(delay);
	}

	/**
	 * Tells the listener of a server's hint that it will wait for, also on the last
	 * attempt: others (the rest of a bulk delete) should wait too. A hint too long to
	 * wait for is not passed on.
	 */
	private void reportRetryAfter(Throwable failure) {
		if (failure instanceof LagrelloApiException api && api.retryAfter().isPresent()
				&& (api.statusCode() == 429 || api.statusCode() == 503)
				&& api.retryAfter().get().compareTo(this.policy.maxRetryAfter()) <= 0) {
			this.onRetryAfter.accept(api.retryAfter().get());
		}
	}

	/**
	 * Why the call ends with this failure rather than a timeout, for the caller who
	 * wonders why the retries allowed were not made.
	 */
	private String cutShort(long attemptsMade, Duration delay) {
		return "the call timeout (" + LagrelloTimeoutException.CALL_TIMEOUT_PROPERTY + ", "
				+ this.callTimeout.toMillis() + " ms) cut the retries short after " + attemptsMade + " of "
				+ this.policy.maxAttempts() + " attempts: waiting " + delay.toMillis()
				+ " ms for the next would end after it";
	}

	private boolean isTransient(Throwable failure) {
		if (failure instanceof LagrelloTransportException transport) {
			// an answer cut off half-way is not "closed before any response": not retried
			return !transport.responseStarted() && (this.idempotent || !transport.requestSent());
		}
		if (failure instanceof LagrelloApiException api && this.idempotent) {
			int status = api.statusCode();
			return status == 429 || status == 502 || status == 503 || status == 504;
		}
		return false;
	}

	/**
	 * The server's hint when there is one (null if it is too long to wait for), else
	 * exponential back-off with "equal jitter": between half and all of the back-off.
	 */
	private Duration delayBefore(long retry, Throwable failure) {
		if (failure instanceof LagrelloApiException api && api.retryAfter().isPresent()) {
			Duration hint = api.retryAfter().get();
			return (hint.compareTo(this.policy.maxRetryAfter()) <= 0) ? hint : null;
		}
		long backoff = this.policy.backoff(retry).toNanos();
		long half = backoff / 2;
		return Duration.ofNanos(half + ((half > 0) ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
	}

}
