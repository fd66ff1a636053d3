package com.lagrello.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Lagrello client, bound from {@code lagrello.*}. Values that cannot
 * work are refused when they are bound, so that the application does not start.
 */
@ConfigurationProperties("lagrello")
public class LagrelloProperties implements Validator {

	/**
	 * Origin of the Lagrello API. Plain http is accepted for loopback hosts only, unless
	 * allow-insecure-http is set.
	 */
	private URI baseUrl = URI.create("https://api.lagrello.com");

	/**
	 * Bearer token sent with every request. Required.
	 */
	private @Nullable String accessToken;

	/**
	 * TCP connect timeout.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed for each attempt's complete response.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Longest time one call may take, every attempt, back-off and Retry-After wait
	 * included (for paging: each page; for a blocking deleteAll: the whole batch).
	 * Nothing more is sent once it runs out.
	 */
	private Duration callTimeout = Duration.ofMinutes(1);

	/**
	 * Whether plain http to a host other than loopback is allowed, which sends the access
	 * token in clear text.
	 */
	private boolean allowInsecureHttp;

	/**
	 * Largest response body held in memory.
	 */
	private DataSize maxInMemorySize = DataSize.ofMegabytes(1);

	private final Retry retry = new Retry();

	private final Pagination pagination = new Pagination();

	private final Health health = new Health();

	private final Ssl ssl = new Ssl();

	private final Pool pool = new Pool();

	private final Proxy proxy = new Proxy();

	private final Bulk bulk = new Bulk();

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getAccessToken() {
		return this.accessToken;
	}

	public void setAccessToken(@Nullable String accessToken) {
		this.accessToken = accessToken;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getCallTimeout() {
		return this.callTimeout;
	}

	public void setCallTimeout(Duration callTimeout) {
		this.callTimeout = callTimeout;
	}

	public Bulk getBulk() {
		return this.bulk;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public DataSize getMaxInMemorySize() {
		return this.maxInMemorySize;
	}

	public void setMaxInMemorySize(DataSize maxInMemorySize) {
		this.maxInMemorySize = maxInMemorySize;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Pagination getPagination() {
		return this.pagination;
	}

	public Health getHealth() {
		return this.health;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Pool getPool() {
		return this.pool;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LagrelloPropertiesValidator.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LagrelloPropertiesValidator.validate(target, errors);
	}

	@Override
	public String toString() {
		// never the access token
		return "LagrelloProperties[baseUrl=" + this.baseUrl + ", accessToken="
				+ ((this.accessToken != null) ? "******" : null) + "]";
	}

	/**
	 * Retries of transient failures.
	 */
	public static class Retry {

		/**
		 * Attempts in all, the first included. 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * First back-off; each further one doubles, with jitter.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest back-off between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Longest Retry-After hint waited for; a longer one fails the call at once.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		private final Budget budget = new Budget();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public Budget getBudget() {
			return this.budget;
		}

	}

	/**
	 * Retries allowed as a share of recent calls, so that an outage does not multiply the
	 * load on the API.
	 */
	public static class Budget {

		/**
		 * Whether retries are limited to a share of recent calls.
		 */
		private boolean enabled = true;

		/**
		 * Share of the window's calls that may be retried, in percent, from 0 to 1000.
		 */
		private int percent = 20;

		/**
		 * Retries allowed in every window whatever the traffic, so that a quiet client
		 * still retries.
		 */
		private int minRetries = 10;

		/**
		 * How far back calls and retries count, from 1s to 1d.
		 */
		private Duration window = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPercent() {
			return this.percent;
		}

		public void setPercent(int percent) {
			this.percent = percent;
		}

		public int getMinRetries() {
			return this.minRetries;
		}

		public void setMinRetries(int minRetries) {
			this.minRetries = minRetries;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

	}

	/**
	 * Paging of listAll.
	 */
	public static class Pagination {

		/**
		 * Page size of listAll(), from 1 to 20.
		 */
		private int pageSize = 20;

		/**
		 * Most pages listAll follows, a guard against endless paging.
		 */
		private int maxPages = 10_000;

		/**
		 * Most pages in flight at once, from 1 to 32. Above 1, pages are fetched by
		 * number that many at a time when the API's links are page numbers; each counts
		 * against the rate limit.
		 */
		private int concurrency = 1;

		/**
		 * Whether a next link to another origin is followed on the base URL's origin,
		 * path and query kept, instead of refused: for an API behind a gateway that
		 * rewrites hosts.
		 */
		private boolean rebaseLinks;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public boolean isRebaseLinks() {
			return this.rebaseLinks;
		}

		public void setRebaseLinks(boolean rebaseLinks) {
			this.rebaseLinks = rebaseLinks;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public int getMaxPages() {
			return this.maxPages;
		}

		public void setMaxPages(int maxPages) {
			this.maxPages = maxPages;
		}

	}

	/**
	 * Bulk work of deleteAll.
	 */
	public static class Bulk {

		/**
		 * Most deletes deleteAll runs at a time.
		 */
		private int concurrency = 4;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

	}

	/**
	 * Actuator health indicator.
	 */
	public static class Health {

		/**
		 * Longest wait for the health probe request.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * Shortest time between two probes of the API; between probes the last result is
		 * reported. 0 probes on every health call.
		 */
		private Duration interval = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * Connection pool of the client, when it runs on reactor-netty.
	 */
	public static class Pool {

		/**
		 * Longest time a connection stays idle in the pool. Shorter than the keep-alive
		 * timeouts of common servers and load balancers, so that a connection is not
		 * reused just as the other side closes it.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(15);

		/**
		 * Most connections open at once; further requests wait for one.
		 */
		private int maxConnections = 100;

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

	}

	/**
	 * TLS of the client's https connections.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) for https connections, for a
		 * custom trust store or mutual TLS.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * HTTP proxy for the Lagrello client's connections only.
	 */
	public static class Proxy {

		/**
		 * Host name or address of the HTTP proxy, without scheme; no proxy when unset.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy, required with a host.
		 */
		private @Nullable Integer port;

		/**
		 * User name for the proxy's Basic authentication, a secret like the access token.
		 */
		private @Nullable String username;

		/**
		 * Password for the proxy's Basic authentication, a secret like the access token.
		 */
		private @Nullable String password;

		/**
		 * Hosts reached directly rather than through the proxy; * matches any part of a
		 * name, for example *.internal.example.com.
		 */
		private List<String> nonProxyHosts = new ArrayList<>();

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public List<String> getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(List<String> nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

		/**
		 * The credentials that are set, the secrets to keep out of actuator output and
		 * exception texts.
		 */
		List<String> secrets() {
			return Stream.of(this.username, this.password)
				.filter((secret) -> secret != null && !secret.isBlank())
				.map(String::strip)
				.toList();
		}

		@Override
		public String toString() {
			// never the credentials
			return "Proxy[host=" + this.host + ", port=" + this.port + ", username="
					+ ((this.username != null) ? "******" : null) + "]";
		}

	}

}
