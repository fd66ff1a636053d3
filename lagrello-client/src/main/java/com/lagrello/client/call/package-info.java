/**
 * The call pipeline of the client: one call of an API operation is a composition of
 * stages with one job each, outermost first: the observation
 * ({@link com.lagrello.client.call.OperationObservations}), the deadline
 * ({@link com.lagrello.client.call.Deadline}), the retry
 * ({@link com.lagrello.client.call.TransientFailureRetry} with the budget's
 * {@link com.lagrello.client.call.RetryAllowance} and {@code Retry-After}), and per
 * attempt the token and its redaction ({@link com.lagrello.client.call.Attempt}) and the
 * translation of failures ({@link com.lagrello.client.call.Failures},
 * {@link com.lagrello.client.call.ErrorAnswers}). What an operation may repeat and what
 * its answers mean are stated by the operation
 * ({@link com.lagrello.client.call.Operation}); how the calls of a batch keep in step
 * travels in their Reactor context ({@link com.lagrello.client.call.CallCoordination}).
 * <p>
 * Not API: public only for the client's own packages, and may change in any release.
 */
@NullMarked
package com.lagrello.client.call;

import org.jspecify.annotations.NullMarked;
