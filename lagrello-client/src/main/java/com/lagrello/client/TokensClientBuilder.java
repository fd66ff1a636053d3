package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

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
public final class TokensClientBuilder {

	/** Default of {@link #baseUrl(URI)}. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.lagrello.com");

	/** Default of {@link #readTimeout(Duration)}. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/** Default of {@link #pageSize(int)}, also the largest the API serves. */
	public static final int DEFAULT_PAGE_SIZE = WebClientTokensClient.MAX_PAGE_SIZE;

	/** Default of {@link #maxPages(int)}. */
	public static final int DEFAULT_MAX_PAGES = 10_000;

	/** Default of {@link #callTimeout(Duration)}. */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * The longest read or call timeout: a day, far below where time arithmetic overflows.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

	/** Default of {@link #paginationConcurrency(int)}: one page at a time. */
	public static final int DEFAULT_PAGINATION_CONCURRENCY = 1;

	/** The largest {@link #paginationConcurrency(int)}. */
	public static final int MAX_PAGINATION_CONCURRENCY = 32;

	/** Default of {@link #bulkConcurrency(int)}. */
	public static final int DEFAULT_BULK_CONCURRENCY = 4;

	private WebClient.Builder webClientBuilder;

	private @Nullable URI baseUrl;

	private @Nullable Supplier<String> accessToken;

	private @Nullable Duration readTimeout;

	private @Nullable RetryPolicy retryPolicy;

	private @Nullable RetryBudget retryBudget;

	private int pageSize;

	private int maxPages;

	private boolean allowInsecureHttp;

	private @Nullable Duration callTimeout;

	private int bulkConcurrency;

	private @Nullable ObservationRegistry observationRegistry;

	private int paginationConcurrency;

	private boolean rebasePageLinks;

	private List<String> redactedSecrets = List.of();

	// shared with the client this builder was derived from, which owns it
	private final @Nullable ReadTimeouts sharedTimeouts;

	// the account of the derived-from client's budget, spent by both while the budget
	// and the API are unchanged
	private final @Nullable RetryAllowance sharedAllowance;

	private final @Nullable URI sharedAllowanceBaseUrl;

	TokensClientBuilder() {
		this.webClientBuilder = WebClient.builder();
		this.baseUrl = DEFAULT_BASE_URL;
		this.readTimeout = DEFAULT_READ_TIMEOUT;
		this.retryPolicy = RetryPolicy.DEFAULT;
		this.retryBudget = RetryBudget.DEFAULT;
		this.pageSize = DEFAULT_PAGE_SIZE;
		this.maxPages = DEFAULT_MAX_PAGES;
		this.callTimeout = DEFAULT_CALL_TIMEOUT;
		this.bulkConcurrency = DEFAULT_BULK_CONCURRENCY;
		this.observationRegistry = ObservationRegistry.NOOP;
		this.paginationConcurrency = DEFAULT_PAGINATION_CONCURRENCY;
		this.sharedTimeouts = null;
		this.sharedAllowance = null;
		this.sharedAllowanceBaseUrl = null;
	}

	TokensClientBuilder(ClientSettings settings, ReadTimeouts timeouts, RetryAllowance allowance) {
		this.webClientBuilder = settings.webClientBuilder().clone();
		this.baseUrl = settings.baseUrl();
		this.accessToken = settings.accessToken();
		this.readTimeout = settings.readTimeout();
		this.retryPolicy = settings.retryPolicy();
		this.retryBudget = settings.retryBudget();
		this.pageSize = settings.pageSize();
		this.maxPages = settings.maxPages();
		this.allowInsecureHttp = settings.allowInsecureHttp();
		this.callTimeout = settings.callTimeout();
		this.bulkConcurrency = settings.bulkConcurrency();
		this.observationRegistry = settings.observationRegistry();
		this.paginationConcurrency = settings.pageConcurrency();
		this.rebasePageLinks = settings.rebasePageLinks();
		this.redactedSecrets = settings.redactedSecrets();
		this.sharedTimeouts = timeouts;
		this.sharedAllowance = allowance;
		this.sharedAllowanceBaseUrl = settings.baseUrl();
	}

	/**
	 * Sets the builder to start from, for example Spring Boot's, with its codecs,
	 * connector, filters and observations. It is cloned.
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public TokensClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder").clone();
		return this;
	}

	/**
	 * Sets the API origin, {@code https://api.lagrello.com} by default.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public TokensClientBuilder baseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	/**
	 * Sets the API origin from a string.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public TokensClientBuilder baseUrl(String baseUrl) {
		try {
			return baseUrl(URI.create(baseUrl));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new LagrelloInvalidArgumentException("baseUrl", "base URL is not a valid URL: " + baseUrl);
		}
	}

	/**
	 * Sets the bearer token every request carries. Required.
	 * @param accessToken the access token
	 * @return this builder
	 */
	public TokensClientBuilder accessToken(String accessToken) {
		if (accessToken == null || accessToken.isBlank()) {
			throw new LagrelloInvalidArgumentException("accessToken", "access token must not be blank");
		}
		return accessToken(() -> accessToken);
	}

	/**
	 * Sets where the bearer token comes from: asked before every request, so that a
	 * rotated secret is used without rebuilding the client. It must be cheap and must not
	 * block; a blank answer fails the call without sending it.
	 * @param accessToken supplies the access token
	 * @return this builder
	 */
	public TokensClientBuilder accessToken(Supplier<String> accessToken) {
		this.accessToken = accessToken;
		return this;
	}

	/**
	 * Sets the time allowed for each attempt's complete answer, 30 seconds by default.
	 * @param readTimeout the read timeout
	 * @return this builder
	 */
	public TokensClientBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
		return this;
	}

	/**
	 * Sets how transient failures are retried, {@link RetryPolicy#DEFAULT} by default.
	 * @param retryPolicy the retry policy
	 * @return this builder
	 */
	public TokensClientBuilder retryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Sets how many retries the client may send as a share of its calls,
	 * {@link RetryBudget#DEFAULT} by default; {@link RetryBudget#UNLIMITED} sends every
	 * retry the {@link #retryPolicy(RetryPolicy) retry policy} allows. A client built
	 * from {@link TokensClient#mutate()} spends its original's budget unless given
	 * another.
	 * @param retryBudget the retry budget
	 * @return this builder
	 */
	public TokensClientBuilder retryBudget(RetryBudget retryBudget) {
		this.retryBudget = retryBudget;
		return this;
	}

	/**
	 * Sets where each call's {@code lagrello.client.operations} observation goes; none by
	 * default ({@link ObservationRegistry#NOOP}, which costs nothing). Give the same
	 * registry to the {@link #webClientBuilder(WebClient.Builder) WebClient.Builder} for
	 * its {@code http.client.requests} observations, the children of the call's.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public TokensClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Sets how many pages {@code listAll} and {@code listPages} may have in flight at
	 * once, from 1 (the default: one after the other) to 32. Above 1, and only when the
	 * first page's {@code next} is the client's own page-number link, pages are fetched
	 * by number that many at a time and emitted in order, each checked against the
	 * server's links; otherwise paging stays one page at a time. Each page in flight
	 * counts against the API's rate limit.
	 * @param paginationConcurrency the most pages in flight
	 * @return this builder
	 */
	public TokensClientBuilder paginationConcurrency(int paginationConcurrency) {
		this.paginationConcurrency = paginationConcurrency;
		return this;
	}

	/**
	 * Sets whether a {@code next} link to another origin is followed on the base URL's
	 * origin (its path and query kept) instead of refused, for an API behind a gateway
	 * that rewrites hosts; {@code false} by default. The access token still goes to the
	 * base URL's origin only.
	 * @param rebasePageLinks whether to rebase foreign links
	 * @return this builder
	 */
	public TokensClientBuilder rebasePageLinks(boolean rebasePageLinks) {
		this.rebasePageLinks = rebasePageLinks;
		return this;
	}

	/**
	 * Sets secrets other than the access token that a server may echo in an error answer,
	 * such as the credentials of an HTTP proxy set on the connector: like the access
	 * token, each is replaced by {@code ****} in every exception text the client makes of
	 * an answer or a failure. None by default.
	 * @param redactedSecrets the secrets; {@code null} and blank ones are ignored
	 * @return this builder
	 */
	public TokensClientBuilder redactedSecrets(Collection<String> redactedSecrets) {
		this.redactedSecrets = (redactedSecrets != null)
				? redactedSecrets.stream().filter((secret) -> secret != null && !secret.isBlank()).distinct().toList()
				: List.of();
		return this;
	}

	/**
	 * Sets the page size of {@link TokensClient#listAll()}, from 1 to 20 (the default).
	 * @param pageSize the page size
	 * @return this builder
	 */
	public TokensClientBuilder pageSize(int pageSize) {
		this.pageSize = pageSize;
		return this;
	}

	/**
	 * Sets how many pages one drain follows at most, a guard against a server that never
	 * stops paging; 10,000 by default.
	 * @param maxPages the maximum number of pages
	 * @return this builder
	 */
	public TokensClientBuilder maxPages(int maxPages) {
		this.maxPages = maxPages;
		return this;
	}

	/**
	 * Sets whether a plain {@code http} base URL to a host other than loopback is
	 * allowed, which sends the access token in clear text. Off by default.
	 * @param allowInsecureHttp whether to allow it
	 * @return this builder
	 */
	public TokensClientBuilder allowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
		return this;
	}

	/**
	 * Sets the longest time one call may take, every attempt, back-off and
	 * {@code Retry-After} wait included (for paging: each page; for the blocking
	 * {@code deleteAll}: the whole batch); one minute by default. When it runs out the
	 * call fails with a {@link LagrelloTimeoutException} and nothing more is sent, and a
	 * {@code Retry-After} that would end after it fails the call at once.
	 * @param callTimeout the call timeout
	 * @return this builder
	 */
	public TokensClientBuilder callTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
		return this;
	}

	/**
	 * Sets how many deletes {@link TokensClient#deleteAll} runs at a time, 4 by default.
	 * @param bulkConcurrency the most deletes at a time
	 * @return this builder
	 */
	public TokensClientBuilder bulkConcurrency(int bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
		return this;
	}

	/**
	 * Builds the client. A client built from {@link TokensClient#mutate()} shares the
	 * connections, the timer and (unless given another) the retry budget of the one it
	 * was derived from.
	 * @return a new client
	 * @throws LagrelloInvalidArgumentException if a setting is invalid
	 */
	public WebClientTokensClient build() {
		if (this.accessToken == null) {
			throw new LagrelloInvalidArgumentException("accessToken", "access token must not be blank");
		}
		URI origin = validBaseUrl();
		if (this.readTimeout == null || this.readTimeout.isNegative() || this.readTimeout.isZero()
				|| this.readTimeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new LagrelloInvalidArgumentException("readTimeout",
					"read timeout must be positive and at most a day, but is " + this.readTimeout);
		}
		if (this.retryPolicy == null) {
			throw new LagrelloInvalidArgumentException("retryPolicy", "retry policy must not be null");
		}
		if (this.retryBudget == null) {
			throw new LagrelloInvalidArgumentException("retryBudget", "retry budget must not be null");
		}
		if (this.paginationConcurrency < 1 || this.paginationConcurrency > MAX_PAGINATION_CONCURRENCY) {
			throw new LagrelloInvalidArgumentException("paginationConcurrency",
					"pagination concurrency must be from 1 to " + MAX_PAGINATION_CONCURRENCY + ", but is "
							+ this.paginationConcurrency);
		}
		if (this.observationRegistry == null) {
			throw new LagrelloInvalidArgumentException("observationRegistry",
					"observation registry must not be null (ObservationRegistry.NOOP observes nothing)");
		}
		if (this.pageSize < 1 || this.pageSize > WebClientTokensClient.MAX_PAGE_SIZE) {
			throw new LagrelloInvalidArgumentException("pageSize",
					"page size must be from 1 to " + WebClientTokensClient.MAX_PAGE_SIZE + ", but is " + this.pageSize);
		}
		if (this.maxPages < 1) {
			throw new LagrelloInvalidArgumentException("maxPages",
					"max pages must be at least 1, but is " + this.maxPages);
		}
		checkCallTimeout(this.callTimeout);
		if (this.bulkConcurrency < 1) {
			throw new LagrelloInvalidArgumentException("bulkConcurrency",
					"bulk concurrency must be at least 1, but is " + this.bulkConcurrency);
		}
		ClientSettings settings = new ClientSettings(this.webClientBuilder.clone(), origin, this.accessToken,
				this.readTimeout, this.retryPolicy, this.retryBudget, this.pageSize, this.maxPages,
				this.allowInsecureHttp, this.callTimeout, this.bulkConcurrency, this.observationRegistry,
				this.paginationConcurrency, this.rebasePageLinks, this.redactedSecrets);
		// another API (region, gateway) has its own outages: its own budget
		RetryAllowance allowance = (this.sharedAllowance != null && origin.equals(this.sharedAllowanceBaseUrl)
				&& this.sharedAllowance.budget().equals(this.retryBudget)) ? this.sharedAllowance
						: new RetryAllowance(this.retryBudget);
		return (this.sharedTimeouts != null)
				? new WebClientTokensClient(settings, this.sharedTimeouts, false, allowance)
				: new WebClientTokensClient(settings, ReadTimeouts.open(), true, allowance);
	}

	private URI validBaseUrl() {
		URI url = this.baseUrl;
		if (url == null || !url.isAbsolute() || url.getHost() == null) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must be an absolute http(s) URL with a host, but is " + url);
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new LagrelloInvalidArgumentException("baseUrl", "base URL must use https, but is " + url);
		}
		if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must not have user info, a query or a fragment, but is " + url);
		}
		if (url.getPort() == 0 || url.getPort() > 65535) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must have a port from 1 to 65535, but is " + url);
		}
		if (scheme.equals("http") && !this.allowInsecureHttp && !isLoopbackHost(url.getHost())) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL " + url
							+ " would send the access token in clear text to a remote host: use https, or allow plain"
							+ " http explicitly (lagrello.allow-insecure-http=true, or allowInsecureHttp(true))");
		}
		// one encoded form for every request, whether its URL is built by concatenation
		// or by template
		String ascii = url.toASCIIString();
		return URI.create(ascii.endsWith("/") ? ascii.replaceAll("/+$", "") : ascii);
	}

	/**
	 * Whether a host is loopback by its address or by the name {@code localhost}:
	 * {@code 127.0.0.0/8} and {@code ::1}. Nothing is resolved, and no other name counts
	 * (a resolver may send {@code anything.localhost} to DNS).
	 * @param host the host of a URL
	 * @return whether a plain http request to it stays on this machine
	 */
	public static boolean isLoopbackHost(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		return name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")
				|| name.matches("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
	}

	@Override
	public String toString() {
		return "TokensClientBuilder[baseUrl=" + this.baseUrl + "]";
	}

	/**
	 * Refuses a call timeout that is not positive or longer than {@link #MAX_TIMEOUT}.
	 */
	static void checkCallTimeout(@Nullable Duration callTimeout) {
		if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()
				|| callTimeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new LagrelloInvalidArgumentException("callTimeout",
					"call timeout must be positive and at most a day, but is " + callTimeout);
		}
	}

}
