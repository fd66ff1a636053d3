package com.lagrello.client.call;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Retries the failures of one call that its operation's {@link RetryRule} allows, as the
 * {@link RetryPolicy} says, within the call's {@link Deadline} and the client's retry
 * budget, honouring {@code Retry-After} and the {@link CallCoordination} of the batch the
 * call belongs to. Delays run on Reactor's parallel scheduler, so tests can replace it
 * with virtual time.
 * <p>
 * Not a {@code retryWhen} companion: that costs a sink and a subscription per call, paid
 * on every page of a drain although most calls never fail. An {@code onErrorResume} costs
 * nothing until an attempt fails.
 */
public final class TransientFailureRetry {

	private static final Logger logger = LoggerFactory.getLogger(TransientFailureRetry.class);

	private final RetryPolicy policy;

	private final Operation operation;

	private final Deadline deadline;

	private final CallCoordination coordination;

	private final RetryAllowance allowance;

	private final OperationObservations.CallTrace trace;

	/**
	 * Creates a retry of an operation on its own: no deadline, no budget, no batch.
	 */
	public TransientFailureRetry(RetryPolicy policy, Operation operation) {
		this(policy, operation, Deadline.NONE, CallCoordination.NONE, new RetryAllowance(RetryBudget.UNLIMITED),
				OperationObservations.CallTrace.NONE);
	}

	/**
	 * Creates a retry that retries what the operation's rule allows, sends nothing after
	 * the deadline, keeps in step with the batch the call belongs to, spends the given
	 * budget and tells the call's trace how long it waits.
	 */
	public TransientFailureRetry(RetryPolicy policy, Operation operation, Deadline deadline,
			CallCoordination coordination, RetryAllowance allowance, OperationObservations.CallTrace trace) {
		this.policy = policy;
		this.operation = operation;
		this.deadline = deadline;
		this.coordination = coordination;
		this.allowance = allowance;
		this.trace = trace;
	}

	/**
	 * Returns the attempt, subscribed again after each transient failure, as long as the
	 * policy, the deadline and the budget allow.
	 */
	public <T> Mono<T> retrying(Mono<T> attempt) {
		return retrying(attempt, 0);
	}

	private <T> Mono<T> retrying(Mono<T> attempt, long retries) {
		return attempt.onErrorResume(
				(failure) -> waitBeforeRetry(retries, failure).then(Mono.defer(() -> retrying(attempt, retries + 1))));
	}

	/**
	 * Completes when the retry may be sent, or fails with the failure when it may not.
	 */
	private Mono<Void> waitBeforeRetry(long retries, Throwable failure) {
		long attempt = retries + 1;
		String operation = this.operation.id();
		reportRetryAfter(failure);
		if (attempt >= this.policy.maxAttempts() || !this.operation.retry().allows(failure)) {
			return fail(failure);
		}
		Duration delay = delayBefore(retries, failure);
		if (delay != null && !this.deadline.allows(delay)) {
			logger.debug("{} attempt {} failed and waiting {} ms would pass the call timeout: giving up", operation,
					attempt, delay.toMillis());
			return fail(notRetried(failure, cutShort(attempt, delay)));
		}
		if (delay == null) {
			logger.debug("{} attempt {} failed and the server asks to wait longer than {}: giving up", operation,
					attempt, this.policy.maxRetryAfter());
			return fail(failure);
		}
		if (!this.allowance.tryRetry()) {
			logger.debug("{} attempt {} failed and the retry budget is spent: giving up", operation, attempt);
			return fail(notRetried(failure,
					"the retry budget (lagrello.retry.budget.*, " + this.allowance.budget() + ") is spent"));
		}
		logger.debug("{} attempt {} of {} failed ({}); retrying in {} ms", operation, attempt,
				this.policy.maxAttempts(), failure.getMessage(), delay.toMillis());
		this.trace.waitedBeforeRetry(delay);
		// a call of a batch retries in its turn
		return Mono.delay(delay).then(this.coordination.due());
	}

	/**
	 * Ends the call with the failure, in its turn when it belongs to a batch: a page
	 * fetched ahead reports nothing for a turn that never comes.
	 */
	private Mono<Void> fail(Throwable failure) {
		return this.coordination.due().then(Mono.error(failure));
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
			this.coordination.onRetryAfter().accept(api.retryAfter().get());
		}
	}

	/**
	 * The failure the call ends with when the client itself decided not to retry it:
	 * built anew, saying why; the attempt's failure is not changed.
	 */
	private static Throwable notRetried(Throwable failure, String reason) {
		return (failure instanceof LagrelloException lagrello) ? lagrello.notRetried(reason) : failure;
	}

	/**
	 * Why the call ends with this failure rather than a timeout, for the caller who
	 * wonders why the retries allowed were not made.
	 */
	private String cutShort(long attemptsMade, Duration delay) {
		return "the call timeout (" + LagrelloTimeoutException.CALL_TIMEOUT_PROPERTY + ", "
				+ this.deadline.callTimeout().toMillis() + " ms) cut the retries short after " + attemptsMade + " of "
				+ this.policy.maxAttempts() + " attempts: waiting " + delay.toMillis()
				+ " ms for the next would end after it";
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
