package com.lagrello.health;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TokensClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Lagrello API answers an authenticated request: {@code UP} when a
 * one-token page ({@code GET /v1/tokens?size=1}) comes back, {@code DOWN} with the HTTP
 * status and {@code errorType} when it does not. The probe is one attempt, without the
 * client's retries.
 * <p>
 * The API is asked at most once per interval, whatever the probe rate, so that a busy
 * health endpoint does not burn the tenant's rate limit; between probes the last result
 * is reported, and concurrent health calls share one request. Each probe is bounded by
 * the timeout. Details never hold the access token or a stack trace.
 */
public class LagrelloHealthIndicator extends AbstractReactiveHealthIndicator {

	private final TokensClient tokensClient;

	private final URI baseUrl;

	private final Duration timeout;

	private final Mono<Probe> probe;

	private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

	/**
	 * Creates an indicator.
	 * @param tokensClient the client whose API to probe
	 * @param baseUrl the API's URL, shown in the details
	 * @param timeout the longest wait for one probe
	 * @param interval the shortest time between two probes; zero probes on every call
	 */
	public LagrelloHealthIndicator(TokensClient tokensClient, URI baseUrl, Duration timeout, Duration interval) {
		super("Lagrello health check failed");
		if (timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException("lagrello.health.timeout must be positive, but is " + timeout);
		}
		this.tokensClient = oneAttempt(tokensClient);
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		Mono<Probe> probeOnce = Mono.defer(this::probeOnce);
		this.probe = (interval.isZero() || interval.isNegative()) ? probeOnce : probeOnce.cache(interval);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.probe.map((probe) -> probe.describe(builder.withDetail("baseUrl", this.baseUrl.toString()),
				this.lastSuccess.get()));
	}

	private Mono<Probe> probeOnce() {
		long start = System.nanoTime();
		return request().timeout(this.timeout).then(Mono.fromSupplier(() -> {
			Probe up = new Probe(elapsedSince(start), null);
			this.lastSuccess.set(Instant.now());
			return up;
		})).onErrorResume((failure) -> Mono.just(new Probe(elapsedSince(start), failure)));
	}

	/**
	 * The first page of one token, {@code GET /v1/tokens?size=1}, the one request.
	 */
	private Mono<Void> request() {
		return this.tokensClient.listPages(1).take(1).then();
	}

	/**
	 * A client derived with one attempt, so that a {@code 503} with {@code Retry-After}
	 * is reported as such rather than waited for. An application's own client that cannot
	 * be derived is probed as it is.
	 */
	private static TokensClient oneAttempt(TokensClient client) {
		try {
			return client.mutate().retryPolicy(RetryPolicy.NONE).build();
		}
		catch (UnsupportedOperationException ownImplementation) {
			return client;
		}
	}

	private static Duration elapsedSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * The outcome of one request to the API.
	 */
	private record Probe(Duration latency, @Nullable Throwable failure) {

		Health describe(Health.Builder builder, @Nullable Instant lastSuccess) {
			builder.withDetail("latency", this.latency.toMillis() + "ms");
			if (lastSuccess != null) {
				builder.withDetail("lastSuccess", lastSuccess.toString());
			}
			if (this.failure == null) {
				return builder.up().build();
			}
			builder.down();
			if (this.failure instanceof LagrelloApiException api) {
				builder.withDetail("status", api.statusCode());
				if (api.errorType() != null) {
					builder.withDetail("errorType", api.errorType());
				}
				if (api.requestId() != null) {
					builder.withDetail("requestId", api.requestId());
				}
			}
			return builder.withDetail("error", message(this.failure)).build();
		}

		private static String message(Throwable failure) {
			if (failure instanceof TimeoutException) {
				return "no answer within the health timeout (lagrello.health.timeout)";
			}
			return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
		}

	}

}
