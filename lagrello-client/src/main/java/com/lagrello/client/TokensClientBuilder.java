package com.lagrello.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link TokensClient} without Spring Boot. Only the access token is required:
 * <pre class="code">
 * TokensClient tokens = TokensClient.builder()
 *     .accessToken(System.getenv("LAGRELLO_ACCESS_TOKEN"))
 *     .build();
 * </pre> The given {@link WebClient.Builder} is cloned, never changed. Its connector
 * decides connect timeouts, TLS and pooling; the client adds the base URL, the headers,
 * the read timeout and the retries. Redirects are answered with an error rather than
 * followed, so give it a connector that does not follow them (reactor-netty's default).
 * <p>
 * {@link TokensClient#mutate()} returns a builder preset with a client's settings and
 * connections, to derive a client for another tenant.
 */
public final class TokensClientBuilder extends ClientSettings<TokensClientBuilder> {

	/** Default of {@link #baseUrl(URI)}. */
	public static final URI DEFAULT_BASE_URL = ClientOptions.DEFAULT_BASE_URL;

	/** Default of {@link #readTimeout(Duration)}. */
	public static final Duration DEFAULT_READ_TIMEOUT = ClientOptions.DEFAULT_READ_TIMEOUT;

	/** Default of {@link #pageSize(int)}, also the largest the API serves. */
	public static final int DEFAULT_PAGE_SIZE = ClientOptions.DEFAULT_PAGE_SIZE;

	/** Default of {@link #maxPages(int)}. */
	public static final int DEFAULT_MAX_PAGES = ClientOptions.DEFAULT_MAX_PAGES;

	/** Default of {@link #callTimeout(Duration)}. */
	public static final Duration DEFAULT_CALL_TIMEOUT = ClientOptions.DEFAULT_CALL_TIMEOUT;

	/**
	 * The longest read or call timeout: a day, far below where time arithmetic overflows.
	 */
	public static final Duration MAX_TIMEOUT = ClientOptions.MAX_TIMEOUT;

	/** Default of {@link #paginationConcurrency(int)}: one page at a time. */
	public static final int DEFAULT_PAGINATION_CONCURRENCY = ClientOptions.DEFAULT_PAGINATION_CONCURRENCY;

	/** The largest {@link #paginationConcurrency(int)}. */
	public static final int MAX_PAGINATION_CONCURRENCY = ClientOptions.MAX_PAGINATION_CONCURRENCY;

	/** Default of {@link #bulkConcurrency(int)}. */
	public static final int DEFAULT_BULK_CONCURRENCY = ClientOptions.DEFAULT_BULK_CONCURRENCY;

	TokensClientBuilder() {
	}

	TokensClientBuilder(ClientOptions preset, ClientResources shared) {
		super(preset, shared);
	}

	/**
	 * Builds the client. A client built from {@link TokensClient#mutate()} shares the
	 * connections, the open state and (unless given another) the retry budget of the one
	 * it was derived from.
	 * @return a new client
	 * @throws LagrelloInvalidArgumentException if a setting is invalid
	 */
	public WebClientTokensClient build() {
		ClientOptions options = options();
		return new WebClientTokensClient(options, resources(options));
	}

	/**
	 * Whether a host is loopback by its address or by the name {@code localhost}:
	 * {@code 127.0.0.0/8} and {@code ::1}. Nothing is resolved, and no other name counts
	 * (a resolver may send {@code anything.localhost} to DNS).
	 * @param host the host of a URL
	 * @return whether a plain http request to it stays on this machine
	 * @see ClientOptions#isLoopbackHost(String)
	 */
	public static boolean isLoopbackHost(String host) {
		return ClientOptions.isLoopbackHost(host);
	}

}
