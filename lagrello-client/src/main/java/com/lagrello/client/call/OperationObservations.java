package com.lagrello.client.call;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One {@value #NAME} observation per call, around all of its attempts and waits. It is
 * put in the Reactor context where WebClient looks for a parent, so each attempt's
 * {@code http.client.requests} observation is its child (the key is a constant, inlined:
 * context-propagation need not be on the class path). With a no-op registry (no
 * Micrometer configured) a call gets no operator at all.
 */
public final class OperationObservations {

	/** Name of the observation, hence of its timer. */
	public static final String NAME = "lagrello.client.operations";

	/** Low-cardinality key: the API's operation id, for example {@code tokens/list}. */
	public static final String OPERATION = "operation";

	/**
	 * Low-cardinality key: {@code SUCCESS}, {@code REJECTED}, or the simple name of the
	 * exception.
	 */
	public static final String OUTCOME = "outcome";

	/** High-cardinality key: the attempts the call made, the first included. */
	public static final String ATTEMPTS = "lagrello.attempts";

	/** High-cardinality key: the time spent waiting between attempts, in milliseconds. */
	public static final String RETRY_WAIT = "lagrello.retry.wait";

	public static final String SUCCESS = "SUCCESS";

	/**
	 * Outcome of a call whose answer rejects the credential it checked (a wrong code or
	 * magic-link token): an answer, completed empty, not a failure.
	 */
	public static final String REJECTED = "REJECTED";

	/** Outcome of a call whose subscriber cancelled it before it ended. */
	public static final String CANCELLED = "CANCELLED";

	private final ObservationRegistry registry;

	public OperationObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Observes a call, given the trace that its attempts and waits report to.
	 * @param operation the API's operation id
	 * @param call makes the call, lazily: nothing happens until it is subscribed to
	 * @return the observed call
	 */
	public <T> Mono<T> observe(String operation, Function<CallTrace, Mono<T>> call) {
		if (this.registry.isNoop()) {
			return call.apply(CallTrace.NONE);
		}
		return Mono.deferContextual((context) -> {
			// the parent is the one in the Reactor context, else the thread's current
			// one,
			// which createNotStarted has taken (a blocking call in an MVC request)
			Observation observation = Observation.createNotStarted(NAME, this.registry)
				.contextualName(operation)
				.lowCardinalityKeyValue(OPERATION, operation);
			Observation parent = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			CallTrace trace = new CallTrace();
			observation.start();
			// stopped before the signal goes on, so that whoever sees the result sees the
			// observation ended
			return call.apply(trace)
				.doOnSuccess((value) -> trace.stop(observation, trace.rejected ? REJECTED : SUCCESS, null))
				.doOnError((failure) -> trace.stop(observation, failure.getClass().getSimpleName(), failure))
				.doOnCancel(() -> trace.stop(observation, CANCELLED, null))
				.contextWrite((writable) -> writable.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * What one call did, for its observation: its attempts and its waits between them.
	 * Attempts run one after the other, so the counts see no concurrent writes.
	 */
	public static class CallTrace {

		/** The trace of an unobserved call, which records nothing. */
		public static final CallTrace NONE = new CallTrace() {

			@Override
			public void attemptStarted() {
			}

			@Override
			public void waitedBeforeRetry(Duration wait) {
			}

			@Override
			public void rejected() {
			}

		};

		private final AtomicBoolean stopped = new AtomicBoolean();

		private volatile int attempts;

		private volatile long waitedNanos;

		private volatile boolean rejected;

		public void attemptStarted() {
			this.attempts++;
		}

		public void waitedBeforeRetry(Duration wait) {
			this.waitedNanos += wait.toNanos();
		}

		/**
		 * Records that the call's answer rejected the credential it checked, which
		 * completes it empty: its outcome is {@link #REJECTED}, not {@link #SUCCESS}.
		 */
		public void rejected() {
			this.rejected = true;
		}

		/**
		 * Ends the observation once, whichever of success, error and cancel comes first.
		 */
		void stop(Observation observation, String outcome, @Nullable Throwable failure) {
			if (this.stopped.compareAndSet(false, true)) {
				observation.lowCardinalityKeyValue(OUTCOME, outcome).highCardinalityKeyValues(keyValues());
				if (failure != null) {
					observation.error(failure);
				}
				observation.stop();
			}
		}

		private KeyValues keyValues() {
			return KeyValues.of(KeyValue.of(ATTEMPTS, Integer.toString(this.attempts)),
					KeyValue.of(RETRY_WAIT, Long.toString(Duration.ofNanos(this.waitedNanos).toMillis())));
		}

		@Override
		public String toString() {
			return "CallTrace[attempts=" + this.attempts + "]";
		}

	}

}
