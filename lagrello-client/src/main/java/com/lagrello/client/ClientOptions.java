package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The settings of a Lagrello client, checked: what {@link TokensClientBuilder} and
 * {@link LagrelloClientBuilder} build a client from, and what {@code mutate()} presets a
 * builder with. Immutable (the {@code WebClient.Builder} is a private clone, cloned again
 * by whoever uses it).
 * <p>
 * It declares every default and limit of the client once, as the constants below, and
 * every check once, as the static {@code check} methods, which the canonical constructor
 * runs and the Spring Boot starter's property validation calls. A check refuses a value
 * with a {@link LagrelloInvalidArgumentException} whose
 * {@link LagrelloInvalidArgumentException#argument() argument} is the builder setting's
 * name.
 *
 * @param webClientBuilder the builder the client's {@code WebClient} is built from, with
 * its connector, hence its connections
 * @param baseUrl the API origin, encoded, without a trailing slash
 * @param accessToken supplies the bearer token before every request
 * @param readTimeout the time allowed for each attempt's answer
 * @param callTimeout the longest time one call may take, every attempt and wait included
 * @param retryPolicy how transient failures are retried
 * @param retryBudget how many retries the client and those derived from it may send
 * @param observationRegistry where each call's observation goes
 * @param pageSize the page size of {@code listAll()}
 * @param maxPages the most pages one drain follows
 * @param paginationConcurrency the most pages in flight at once when the links are page
 * numbers
 * @param rebasePageLinks whether next links to another origin are followed on the base
 * URL's
 * @param allowInsecureHttp whether plain http to a remote host is allowed
 * @param bulkConcurrency the most deletes at a time of {@code deleteAll}
 * @param redactedSecrets secrets other than the access token redacted from every
 * exception text, such as proxy credentials
 * @param clientConnector the connector the client sends with, its connections; or
 * {@code null} for the {@code webClientBuilder}'s own, which then sees the real URL of a
 * request that carries a secret
 */
public record ClientOptions(WebClient.Builder webClientBuilder, URI baseUrl, Supplier<String> accessToken,
		Duration readTimeout, Duration callTimeout, RetryPolicy retryPolicy, RetryBudget retryBudget,
		ObservationRegistry observationRegistry, int pageSize, int maxPages, int paginationConcurrency,
		boolean rebasePageLinks, boolean allowInsecureHttp, int bulkConcurrency, List<String> redactedSecrets,
		@Nullable ClientHttpConnector clientConnector) {

	/** Default base URL. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.lagrello.com");

	/** Default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/** Default call timeout. */
	public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * The longest read or call timeout, and the longest duration of any setting: a day,
	 * far below where time arithmetic in nanoseconds overflows.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofDays(1);

	/** The largest page size the API serves. */
	public static final int MAX_PAGE_SIZE = 20;

	/** Default page size of {@code listAll()}: the largest. */
	public static final int DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

	/** Default of the most pages one drain follows. */
	public static final int DEFAULT_MAX_PAGES = 10_000;

	/** Default pagination concurrency: one page at a time. */
	public static final int DEFAULT_PAGINATION_CONCURRENCY = 1;

	/** The largest pagination concurrency. */
	public static final int MAX_PAGINATION_CONCURRENCY = 32;

	/** Default of the most deletes at a time of {@code deleteAll}. */
	public static final int DEFAULT_BULK_CONCURRENCY = 4;

	/**
	 * Checks the settings, in the order a builder reports them.
	 * @throws LagrelloInvalidArgumentException if a setting is invalid
	 */
	public ClientOptions {
		if (accessToken == null) {
			throw new LagrelloInvalidArgumentException("accessToken", "access token must not be blank");
		}
		baseUrl = checkBaseUrl(baseUrl, allowInsecureHttp);
		checkTimeout("readTimeout", readTimeout);
		requireNonNull("retryPolicy", retryPolicy, "retry policy must not be null");
		requireNonNull("retryBudget", retryBudget, "retry budget must not be null");
		checkPaginationConcurrency(paginationConcurrency);
		requireNonNull("observationRegistry", observationRegistry,
				"observation registry must not be null (ObservationRegistry.NOOP observes nothing)");
		checkPageSize(pageSize);
		checkMaxPages(maxPages);
		checkTimeout("callTimeout", callTimeout);
		checkBulkConcurrency(bulkConcurrency);
		webClientBuilder = requireNonNull("webClientBuilder", webClientBuilder, "webClientBuilder must not be null")
			.clone();
		redactedSecrets = (redactedSecrets != null) ? List.copyOf(redactedSecrets) : List.of();
	}

	private static <T> T requireNonNull(String setting, @Nullable T value, String message) {
		if (value == null) {
			throw new LagrelloInvalidArgumentException(setting, message);
		}
		return value;
	}

	/**
	 * Checks a base URL and returns it in the one encoded form every request uses.
	 * @param baseUrl the base URL
	 * @param allowInsecureHttp whether plain {@code http} to a host other than loopback
	 * is allowed
	 * @return the URL, ASCII-encoded, without a trailing slash
	 * @throws LagrelloInvalidArgumentException ({@code baseUrl}) if it is not an absolute
	 * http(s) URL with a host and a valid port, has user info, a query or a fragment, or
	 * would send the access token in clear text to a remote host
	 */
	public static URI checkBaseUrl(@Nullable URI baseUrl, boolean allowInsecureHttp) {
		if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must be an absolute http(s) URL with a host, but is " + shown(baseUrl));
		}
		String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new LagrelloInvalidArgumentException("baseUrl", "base URL must use https, but is " + shown(baseUrl));
		}
		if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must not have user info, a query or a fragment, but is " + shown(baseUrl));
		}
		if (baseUrl.getPort() == 0 || baseUrl.getPort() > 65535 || baseUrl.getPort() < -1) {
			throw new LagrelloInvalidArgumentException("baseUrl",
					"base URL must have a port from 1 to 65535, but is " + shown(baseUrl));
		}
		if (scheme.equals("http") && !allowInsecureHttp && !isLoopbackHost(baseUrl.getHost())) {
			throw new LagrelloInvalidArgumentException("baseUrl", "base URL " + shown(baseUrl)
					+ " would send the access token in clear text to a remote host: use https, or set allowInsecureHttp"
					+ " to true if you mean it");
		}
		// one encoded form for every request, whether its URL is built by concatenation
		// or by template
		String ascii = baseUrl.toASCIIString();
		return URI.create(ascii.endsWith("/") ? ascii.replaceAll("/+$", "") : ascii);
	}

	/**
	 * The base URL as a refusal shows it: user info (credentials someone put in the URL)
	 * masked; an opaque URL (a missing {@code //}, as in {@code user:secret@host}) with
	 * an {@code @} is not shown past its scheme.
	 */
	private static String shown(@Nullable URI url) {
		if (url == null) {
			return "null";
		}
		if (url.isOpaque()) {
			return url.getRawSchemeSpecificPart().contains("@") ? url.getScheme() + ":******" : url.toString();
		}
		String authority = url.getRawAuthority();
		int at = (authority != null) ? authority.lastIndexOf('@') : -1;
		return (at < 0) ? url.toString() : url.toString().replace(authority, "******" + authority.substring(at));
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

	/**
	 * Checks a timeout: positive and at most {@link #MAX_TIMEOUT}.
	 * @param setting the setting's name, for example {@code callTimeout}
	 * @param timeout the timeout
	 * @return the timeout
	 * @throws LagrelloInvalidArgumentException (the setting) if it is not
	 */
	public static Duration checkTimeout(String setting, @Nullable Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new LagrelloInvalidArgumentException(setting, words(setting)
					+ " must be positive (must be longer than 0) and must be at most a day (1d), but is " + timeout);
		}
		return timeout;
	}

	/**
	 * Checks a page size: from 1 to {@link #MAX_PAGE_SIZE}.
	 * @param pageSize the page size
	 * @throws LagrelloInvalidArgumentException ({@code pageSize}) if it is not
	 */
	public static void checkPageSize(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new LagrelloInvalidArgumentException("pageSize",
					"page size must be from 1 to " + MAX_PAGE_SIZE + ", but is " + pageSize);
		}
	}

	/**
	 * Checks the most pages of one drain: 1 or more.
	 * @param maxPages the most pages
	 * @throws LagrelloInvalidArgumentException ({@code maxPages}) if it is not
	 */
	public static void checkMaxPages(int maxPages) {
		if (maxPages < 1) {
			throw new LagrelloInvalidArgumentException("maxPages", "max pages must be 1 or more, but is " + maxPages);
		}
	}

	/**
	 * Checks a pagination concurrency: from 1 to {@link #MAX_PAGINATION_CONCURRENCY}.
	 * @param paginationConcurrency the most pages in flight
	 * @throws LagrelloInvalidArgumentException ({@code paginationConcurrency}) if it is
	 * not
	 */
	public static void checkPaginationConcurrency(int paginationConcurrency) {
		if (paginationConcurrency < 1 || paginationConcurrency > MAX_PAGINATION_CONCURRENCY) {
			throw new LagrelloInvalidArgumentException("paginationConcurrency",
					"pagination concurrency must be from 1 to " + MAX_PAGINATION_CONCURRENCY + ", but is "
							+ paginationConcurrency);
		}
	}

	/**
	 * Checks a bulk concurrency: 1 or more.
	 * @param bulkConcurrency the most deletes at a time
	 * @throws LagrelloInvalidArgumentException ({@code bulkConcurrency}) if it is not
	 */
	public static void checkBulkConcurrency(int bulkConcurrency) {
		if (bulkConcurrency < 1) {
			throw new LagrelloInvalidArgumentException("bulkConcurrency",
					"bulk concurrency must be 1 or more, but is " + bulkConcurrency);
		}
	}

	/**
	 * A setting's name in words, for a message: {@code callTimeout} is "call timeout".
	 */
	private static String words(String setting) {
		return setting.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	/**
	 * The secrets redacted from the answers to a request that also carries another one,
	 * such as the key of the token it deletes.
	 */
	List<String> redactedSecrets(String requestSecret) {
		List<String> secrets = new ArrayList<>(this.redactedSecrets);
		secrets.add(requestSecret);
		return secrets;
	}

	@Override
	public String toString() {
		return "ClientOptions[baseUrl=" + this.baseUrl + "]";
	}

}
