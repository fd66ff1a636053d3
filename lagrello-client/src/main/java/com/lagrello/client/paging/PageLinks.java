package com.lagrello.client.paging;

import java.net.URI;
import java.net.URISyntaxException;

import com.lagrello.client.LagrelloPagingException;

/**
 * Resolves the server's {@code paging.next} links against the base URL and refuses those
 * to another origin, so that the access token never leaves it; or, when asked to rebase,
 * follows them on the base URL's origin.
 */
public final class PageLinks {

	private final URI baseUrl;

	private final Origin origin;

	private final boolean rebase;

	/**
	 * Creates the links of a base URL.
	 * @param baseUrl the base URL
	 * @param rebase whether a link to another origin is followed on the base URL's
	 * origin, its path and query kept, rather than refused
	 */
	public PageLinks(URI baseUrl, boolean rebase) {
		this.rebase = rebase;
		// java.net.URI resolves "a" against "http://host" as "http://hosta": give it a
		// path
		this.baseUrl = (baseUrl.getRawPath() == null || baseUrl.getRawPath().isEmpty()) ? baseUrl.resolve("/")
				: baseUrl;
		this.origin = Origin.of(baseUrl);
	}

	/**
	 * Returns the link to follow, resolved against the base URL.
	 * @throws LagrelloPagingException if it is malformed or leaves the base URL's origin
	 */
	public URI resolve(String next) {
		URI link;
		try {
			link = this.baseUrl.resolve(new URI(next.trim()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new LagrelloPagingException("tokens/list refused the next page link: it is not a valid URL", ex);
		}
		boolean sameOrigin = this.origin.isOriginOf(link);
		if (!sameOrigin && this.rebase && link.getRawPath() != null && link.isAbsolute()) {
			// a gateway that rewrites hosts: the same path and query, on the base URL's
			// origin, where the token may go
			return URI.create(this.baseUrl.getScheme() + "://" + this.baseUrl.getRawAuthority() + link.getRawPath()
					+ ((link.getRawQuery() != null) ? "?" + link.getRawQuery() : ""));
		}
		if (!sameOrigin) {
			throw new LagrelloPagingException("tokens/list refused the next page link to " + Origin.of(link)
					+ ": it leaves the base URL's origin " + this.origin
					+ ", and the access token must not be sent there");
		}
		return link;
	}

}
