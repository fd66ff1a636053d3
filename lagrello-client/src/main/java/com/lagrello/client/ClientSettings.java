package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The validated settings of one client, kept so that {@link TokensClient#mutate()} can
 * start a builder from them.
 *
 * @param webClientBuilder the builder the client's {@code WebClient} was built from, as
 * the user gave it (with its connector, hence its connections)
 * @param baseUrl the API origin, encoded, without a trailing slash
 * @param accessToken supplies the bearer token before every request
 * @param readTimeout the time allowed for each attempt
 * @param retryPolicy how transient failures are retried
 * @param retryBudget how many retries the client and those derived from it may send
 * @param pageSize the page size of {@code listAll()}
 * @param maxPages the most pages one drain follows
 * @param allowInsecureHttp whether plain http to a remote host was allowed
 * @param callTimeout the longest time one call may take, every attempt and wait included
 * @param bulkConcurrency the most deletes at a time of {@code deleteAll}
 * @param observationRegistry where each call's observation goes
 * @param pageConcurrency the most pages in flight at once when the links are page numbers
 * @param rebasePageLinks whether next links to another origin are followed on the base
 * URL's
 * @param redactedSecrets secrets other than the access token redacted from every
 * exception text, such as proxy credentials
 */
record ClientSettings(WebClient.Builder webClientBuilder, URI baseUrl, Supplier<String> accessToken,
		Duration readTimeout, RetryPolicy retryPolicy, RetryBudget retryBudget, int pageSize, int maxPages,
		boolean allowInsecureHttp, Duration callTimeout, int bulkConcurrency, ObservationRegistry observationRegistry,
		int pageConcurrency, boolean rebasePageLinks, List<String> redactedSecrets) {

	/**
	 * The secrets redacted from the answers to a request that also carries another one,
	 * such as the key of the token it deletes: in every form the request carries it (a
	 * server may echo the path it was asked for, where the key is encoded).
	 */
	List<String> redactedSecrets(String... requestSecret) {
		List<String> secrets = new ArrayList<>(this.redactedSecrets);
		secrets.addAll(List.of(requestSecret));
		return secrets;
	}

}
