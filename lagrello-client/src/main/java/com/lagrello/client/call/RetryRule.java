package com.lagrello.client.call;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloTransportException;

/**
 * Which failures of an attempt an operation may be retried after, by what a repeated
 * request would do. Every rule leaves out an answer cut off half-way (the server had
 * started to answer) and every failure that is not transient: the pipeline's back-off,
 * budget, deadline and {@code Retry-After} decide the rest.
 */
public enum RetryRule {

	/**
	 * Every transient failure: a connection that could not be made or closed before any
	 * answer, and {@code 429}, {@code 502}, {@code 503}, {@code 504}. For requests that
	 * may be repeated: reads, deletes, absolute updates.
	 */
	TRANSIENT,

	/**
	 * Only a failure before the request could have left: the connection could not be
	 * made. For requests that must never be sent twice once they may have reached the
	 * server: {@code create}.
	 */
	NOT_SENT,

	/**
	 * Only a failure that certainly did not apply the request: the connection could not
	 * be made, or a {@code 429}. Never after an attempt that may have been applied (the
	 * connection closed before any answer, {@code 502}, {@code 503}, {@code 504}). For
	 * requests that may succeed once only: checking a one-time code, redeeming a
	 * single-use token.
	 */
	NOT_APPLIED;

	/**
	 * Whether the operation may be retried after this failure of an attempt.
	 * @param failure the attempt's failure, translated
	 * @return whether a retry may follow
	 */
	public boolean allows(Throwable failure) {
		if (failure instanceof LagrelloTransportException transport) {
			// an answer cut off half-way is not "closed before any response": not retried
			return !transport.responseStarted() && (this == TRANSIENT || !transport.requestSent());
		}
		if (failure instanceof LagrelloApiException api && this != NOT_SENT) {
			int status = api.statusCode();
			return status == 429 || (this == TRANSIENT && (status == 502 || status == 503 || status == 504));
		}
		return false;
	}

}
