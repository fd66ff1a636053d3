package com.lagrello.client.call;

import java.util.concurrent.atomic.AtomicBoolean;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloTransportException;
import reactor.core.publisher.Mono;

/**
 * What the error answer a call ends with means for an operation. Applied inside the
 * call's observation, which so records what the caller sees.
 */
public enum AnswerRule {

	/** Every error answer is the call's failure. */
	AS_IS,

	/**
	 * A {@code 404} after an attempt that may have been applied (the connection closed
	 * before any answer, {@code 502}, {@code 503}, {@code 504}) completes the call: that
	 * attempt most likely did it and its answer was lost. A {@code 404} to the first
	 * attempt is still a failure. For deletes.
	 */
	GONE_AFTER_LOST_ANSWER,

	/**
	 * A {@code 401} is an answer, not a failure: the credential the request checks (a
	 * one-time code, a magic-link token) is wrong, and the call completes empty, observed
	 * as {@link OperationObservations#REJECTED}. For checks of a user's credential, whose
	 * other failures (the access token refused with {@code 403}, an outage) stay
	 * failures.
	 */
	EMPTY_WHEN_REJECTED;

	/**
	 * Returns the call's result under this rule.
	 * @param call the call, its retries included
	 * @param possiblyApplied set once an attempt of the call failed after it may have
	 * been applied
	 * @param trace the call's trace, told of a rejection
	 * @return the call as the caller sees it
	 */
	public <T> Mono<T> apply(Mono<T> call, AtomicBoolean possiblyApplied, OperationObservations.CallTrace trace) {
		return switch (this) {
			case AS_IS -> call;
			case GONE_AFTER_LOST_ANSWER -> call.onErrorResume(
					(failure) -> possiblyApplied.get() && hasStatus(failure, 404), (notFound) -> Mono.empty());
			case EMPTY_WHEN_REJECTED -> call.onErrorResume((failure) -> hasStatus(failure, 401), (rejected) -> {
				trace.rejected();
				return Mono.empty();
			});
		};
	}

	private static boolean hasStatus(Throwable failure, int status) {
		return failure instanceof LagrelloApiException api && api.statusCode() == status;
	}

	/**
	 * Whether a failed attempt may have been applied by the server: the request may have
	 * reached it and no answer says it was not.
	 * @param failure the attempt's failure, translated
	 * @return whether the request may have taken effect
	 */
	public static boolean mayHaveBeenApplied(Throwable failure) {
		if (failure instanceof LagrelloTransportException transport) {
			return transport.requestSent();
		}
		if (failure instanceof LagrelloApiException api) {
			int status = api.statusCode();
			return status == 502 || status == 503 || status == 504;
		}
		return false;
	}

}
