package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The settings of a Lagrello client, written once for the two builders that take them,
 * {@link TokensClientBuilder} and {@link LagrelloClientBuilder}: the same method names,
 * the defaults of {@link ClientOptions}. Values are checked when the client is built
 * ({@link ClientOptions}' checks), not as they are set.
 *
 * @param <B> the builder
 */
public abstract sealed class ClientSettings<B extends ClientSettings<B>>
		permits TokensClientBuilder, LagrelloClientBuilder {

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

	private List<String> redactedSecrets;

	private @Nullable ClientHttpConnector clientConnector;

	// whether the connector is the WebClient.Builder's own: one given with it, none set
	private boolean buildersConnector;

	// shared with the client this builder was derived from, which owns them
	private final @Nullable ClientResources sharedResources;

	/**
	 * Starts from the defaults.
	 */
	ClientSettings() {
		this.sharedResources = null;
		this.webClientBuilder = WebClient.builder();
		this.baseUrl = ClientOptions.DEFAULT_BASE_URL;
		this.readTimeout = ClientOptions.DEFAULT_READ_TIMEOUT;
		this.retryPolicy = RetryPolicy.DEFAULT;
		this.retryBudget = RetryBudget.DEFAULT;
		this.pageSize = ClientOptions.DEFAULT_PAGE_SIZE;
		this.maxPages = ClientOptions.DEFAULT_MAX_PAGES;
		this.callTimeout = ClientOptions.DEFAULT_CALL_TIMEOUT;
		this.bulkConcurrency = ClientOptions.DEFAULT_BULK_CONCURRENCY;
		this.observationRegistry = ObservationRegistry.NOOP;
		this.paginationConcurrency = ClientOptions.DEFAULT_PAGINATION_CONCURRENCY;
		this.redactedSecrets = List.of();
	}

	/**
	 * Starts from a client's options and resources: {@code mutate()} is this
	 * {@code toBuilder()} plus the resources the derived client shares.
	 */
	ClientSettings(ClientOptions preset, ClientResources shared) {
		this.sharedResources = shared;
		this.webClientBuilder = preset.webClientBuilder().clone();
		this.baseUrl = preset.baseUrl();
		this.accessToken = preset.accessToken();
		this.readTimeout = preset.readTimeout();
		this.retryPolicy = preset.retryPolicy();
		this.retryBudget = preset.retryBudget();
		this.pageSize = preset.pageSize();
		this.maxPages = preset.maxPages();
		this.allowInsecureHttp = preset.allowInsecureHttp();
		this.callTimeout = preset.callTimeout();
		this.bulkConcurrency = preset.bulkConcurrency();
		this.observationRegistry = preset.observationRegistry();
		this.paginationConcurrency = preset.paginationConcurrency();
		this.rebasePageLinks = preset.rebasePageLinks();
		this.redactedSecrets = preset.redactedSecrets();
		this.clientConnector = preset.clientConnector();
		this.buildersConnector = (preset.clientConnector() == null);
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

	/**
	 * Sets the builder to start from, for example Spring Boot's, with its codecs,
	 * connector (unless {@link #clientConnector(ClientHttpConnector)} gives one), filters
	 * and observations. It is cloned.
	 * @param webClientBuilder the builder
	 * @return this builder
	 */
	public B webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder").clone();
		this.buildersConnector = true;
		return self();
	}

	/**
	 * Sets the connector the client sends with, hence its connections, connect timeout,
	 * TLS and proxy; it takes precedence over the connector of the
	 * {@link #webClientBuilder(WebClient.Builder) WebClient.Builder}. A client that owns
	 * its connector (this one, or a default one when neither is given: reactor-netty's
	 * when it is on the class path, else the JDK's) keeps a secret a request URL carries
	 * (a token's key, a TOTP code, a magic-link token) masked in everything WebClient
	 * logs, its {@code DEBUG} request lines included; with the
	 * {@code WebClient.Builder}'s own connector, those lines show the real URL.
	 * @param clientConnector the connector
	 * @return this builder
	 */
	public B clientConnector(ClientHttpConnector clientConnector) {
		this.clientConnector = Objects.requireNonNull(clientConnector, "clientConnector");
		return self();
	}

	/**
	 * Sets the API origin, {@code https://api.lagrello.com} by default.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public B baseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
		return self();
	}

	/**
	 * Sets the API origin from a string.
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public B baseUrl(String baseUrl) {
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
	public B accessToken(String accessToken) {
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
	public B accessToken(Supplier<String> accessToken) {
		this.accessToken = accessToken;
		return self();
	}

	/**
	 * Sets the time allowed for each attempt's complete answer, 30 seconds by default.
	 * @param readTimeout the read timeout
	 * @return this builder
	 */
	public B readTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
		return self();
	}

	/**
	 * Sets how transient failures are retried, {@link RetryPolicy#DEFAULT} by default.
	 * @param retryPolicy the retry policy
	 * @return this builder
	 */
	public B retryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
		return self();
	}

	/**
	 * Sets how many retries the client may send as a share of its calls,
	 * {@link RetryBudget#DEFAULT} by default; {@link RetryBudget#UNLIMITED} sends every
	 * retry the {@link #retryPolicy(RetryPolicy) retry policy} allows. A client built
	 * from {@code mutate()} spends its original's budget unless given another.
	 * @param retryBudget the retry budget
	 * @return this builder
	 */
	public B retryBudget(RetryBudget retryBudget) {
		this.retryBudget = retryBudget;
		return self();
	}

	/**
	 * Sets where each call's {@code lagrello.client.operations} observation goes; none by
	 * default ({@link ObservationRegistry#NOOP}, which costs nothing). Give the same
	 * registry to the {@link #webClientBuilder(WebClient.Builder) WebClient.Builder} for
	 * its {@code http.client.requests} observations, the children of the call's.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public B observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return self();
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
	public B paginationConcurrency(int paginationConcurrency) {
		this.paginationConcurrency = paginationConcurrency;
		return self();
	}

	/**
	 * Sets whether a {@code next} link to another origin is followed on the base URL's
	 * origin (its path and query kept) instead of refused, for an API behind a gateway
	 * that rewrites hosts; {@code false} by default. The access token still goes to the
	 * base URL's origin only.
	 * @param rebasePageLinks whether to rebase foreign links
	 * @return this builder
	 */
	public B rebasePageLinks(boolean rebasePageLinks) {
		this.rebasePageLinks = rebasePageLinks;
		return self();
	}

	/**
	 * Sets secrets other than the access token that a server may echo in an error answer,
	 * such as the credentials of an HTTP proxy set on the connector: like the access
	 * token, each is replaced by {@code ****} in every exception text the client makes of
	 * an answer or a failure. None by default.
	 * @param redactedSecrets the secrets; {@code null} and blank ones are ignored
	 * @return this builder
	 */
	public B redactedSecrets(Collection<String> redactedSecrets) {
		this.redactedSecrets = (redactedSecrets != null)
				? redactedSecrets.stream().filter((secret) -> secret != null && !secret.isBlank()).distinct().toList()
				: List.of();
		return self();
	}

	/**
	 * Sets the page size of {@link TokensClient#listAll()}, from 1 to 20 (the default).
	 * @param pageSize the page size
	 * @return this builder
	 */
	public B pageSize(int pageSize) {
		this.pageSize = pageSize;
		return self();
	}

	/**
	 * Sets how many pages one drain follows at most, a guard against a server that never
	 * stops paging; 10,000 by default.
	 * @param maxPages the maximum number of pages
	 * @return this builder
	 */
	public B maxPages(int maxPages) {
		this.maxPages = maxPages;
		return self();
	}

	/**
	 * Sets whether a plain {@code http} base URL to a host other than loopback is
	 * allowed, which sends the access token in clear text. Off by default.
	 * @param allowInsecureHttp whether to allow it
	 * @return this builder
	 */
	public B allowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
		return self();
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
	public B callTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
		return self();
	}

	/**
	 * Sets how many deletes {@link TokensClient#deleteAll} runs at a time, 4 by default.
	 * @param bulkConcurrency the most deletes at a time
	 * @return this builder
	 */
	public B bulkConcurrency(int bulkConcurrency) {
		this.bulkConcurrency = bulkConcurrency;
		return self();
	}

	/**
	 * The settings as they are now, checked.
	 * @throws LagrelloInvalidArgumentException if a setting is invalid
	 */
	ClientOptions options() {
		return new ClientOptions(this.webClientBuilder, this.baseUrl, this.accessToken, this.readTimeout,
				this.callTimeout, this.retryPolicy, this.retryBudget, this.observationRegistry, this.pageSize,
				this.maxPages, this.paginationConcurrency, this.rebasePageLinks, this.allowInsecureHttp,
				this.bulkConcurrency, this.redactedSecrets, connector());
	}

	/**
	 * The connector given, else none when the {@code WebClient.Builder} given has its
	 * own, else a default one.
	 */
	private @Nullable ClientHttpConnector connector() {
		if (this.clientConnector != null) {
			return this.clientConnector;
		}
		return this.buildersConnector ? null : UnmaskingConnector.defaultConnector();
	}

	/**
	 * The resources of a client built now: a view of those of the client this builder was
	 * derived from, or new ones, which the client then owns and closes.
	 */
	ClientResources resources(ClientOptions options) {
		return (this.sharedResources != null) ? this.sharedResources.derived(options.baseUrl(), options.retryBudget())
				: ClientResources.open(options.baseUrl(), options.retryBudget());
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[baseUrl=" + this.baseUrl + "]";
	}

}
