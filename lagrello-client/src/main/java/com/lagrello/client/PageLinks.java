package com.lagrello.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Resolves the server's {@code paging.next} links against the base URL and refuses those
 * to another origin, so that the access token never leaves it; or, when asked to rebase,
 * follows them on the base URL's origin.
 */
final class PageLinks {

	private final URI baseUrl;

	private final boolean rebase;

	/**
	 * Creates the links of a base URL.
	 * @param baseUrl the base URL
	 * @param rebase whether a link to another origin is followed on the base URL's
	 * origin, its path and query kept, rather than refused
	 */
	PageLinks(URI baseUrl, boolean rebase) {
		this.rebase = rebase;
		// java.net.URI resolves "a" against "http://host" as "http://hosta": give it a
		// path
		this.baseUrl = (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty()) ? baseUrl.resolve("/")
				: baseUrl;
	}

	/**
	 * Returns the link to follow, resolved against the base URL.
	 * @throws LagrelloPagingException if it is malformed or leaves the base URL's origin
	 */
	URI resolve(String next) {
		URI link;
		try {
			link = this.baseUrl.resolve(new URI(next.trim()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new LagrelloPagingException("tokens/list refused the next page link: it is not a valid URL", ex);
		}
		if (!sameOrigin(link) && this.rebase && link.getRawPath() != null && link.isAbsolute()) {
			// a gateway that rewrites hosts: the same path and query, on the base URL's
			// origin, where the token may go
			return URI.create(this.baseUrl.getScheme() + "://" + this.baseUrl.getRawAuthority() + link.getRawPath()
					+ ((link.getRawQuery() != null) ? "?" + link.getRawQuery() : ""));
		}
		if (!sameOrigin(link)) {
			throw new LagrelloPagingException(
					"tokens/list refused the next page link to " + origin(link) + ": it leaves the base URL's origin "
							+ origin(this.baseUrl) + ", and the access token must not be sent there");
		}
		return link;
	}

	private boolean sameOrigin(URI link) {
		// on every page of a drain: compared in place, nothing lower-cased
		return this.baseUrl.getScheme().equalsIgnoreCase(link.getScheme()) && this.baseUrl.getHost() != null
				&& this.baseUrl.getHost().equalsIgnoreCase(link.getHost()) && port(link) == port(this.baseUrl);
	}

	private static String scheme(URI uri) {
		return (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
	}

	/**
	 * Returns the port a request to the URI goes to: the default port of {@code http} and
	 * {@code https} when none is given, -1 for another scheme without one.
	 */
	static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		if ("http".equalsIgnoreCase(uri.getScheme())) {
			return 80;
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : -1;
	}

	private static String origin(URI uri) {
		return scheme(uri) + "://" + uri.getHost() + ":" + port(uri);
	}

}
