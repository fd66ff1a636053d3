package com.lagrello.client.paging;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A page of the listing by number, as the client itself asks for it:
 * {@code <base-url>/v1/tokens?page=N&size=S}. Concurrent paging fetches pages this way
 * once the server's own links are seen to be exactly these.
 *
 * @param tokens the listing's URL, {@code <base-url>/v1/tokens}
 * @param page the page number, from 0
 * @param size the page size
 */
record PageNumber(URI tokens, long page, int size) {

	// 0, or 1 to 18 ASCII digits without a leading zero or sign: the client's own
	// spelling, and no overflow of a long when a page count is added
	private static final String NUMBER = "(0|[1-9][0-9]{0,17})";

	// the whole query: size alone, or page and size in either order, each once, nothing
	// decoded, so that a link is taken for the client's own only when the client would
	// send it that way (one match a link, no split or map)
	private static final Pattern OWN_QUERY = Pattern
		.compile("size=" + NUMBER + "|page=" + NUMBER + "&size=" + NUMBER + "|size=" + NUMBER + "&page=" + NUMBER);

	/**
	 * Returns the page a link asks for, when it is a page-number link of the listing:
	 * only {@code page} (0 when absent) and {@code size}, each once.
	 */
	static @Nullable PageNumber of(URI link, URI tokens) {
		return of(link, tokens, Origin.of(tokens));
	}

	/**
	 * Returns the page a link asks for, as {@link #of(URI, URI)}, given the listing's
	 * origin, which a drain reads once.
	 */
	static @Nullable PageNumber of(URI link, URI tokens, Origin tokensOrigin) {
		if (!sameResource(link, tokens, tokensOrigin) || link.getRawFragment() != null) {
			return null;
		}
		String query = link.getRawQuery();
		if (query == null) {
			return null;
		}
		Matcher own = OWN_QUERY.matcher(query);
		if (!own.matches()) {
			return null;
		}
		// groups: size alone (1); page (2) and size (3); size (4) and page (5)
		String size = firstGroup(own, 1, 3, 4);
		String page = firstGroup(own, 2, 5);
		try {
			long number = (page != null) ? Long.parseLong(page) : 0;
			int pageSize = Integer.parseInt(size);
			return (pageSize > 0) ? new PageNumber(tokens, number, pageSize) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String firstGroup(Matcher matcher, int... groups) {
		for (int group : groups) {
			String value = matcher.group(group);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static boolean sameResource(URI link, URI tokens, Origin tokensOrigin) {
		// the request's origin, as the cycle guard reads it
		return tokensOrigin.isOriginOf(link) && tokens.getRawPath().equals(link.getRawPath());
	}

	/**
	 * Returns the page after this one.
	 */
	PageNumber next() {
		return plus(1);
	}

	/**
	 * Returns the page {@code n} pages after this one.
	 */
	PageNumber plus(long n) {
		// at most 18 digits plus a page count: no overflow
		return new PageNumber(this.tokens, Math.addExact(this.page, n), this.size);
	}

	/**
	 * Returns the link the client sends for this page.
	 */
	URI link() {
		return URI.create(this.tokens + "?" + query());
	}

	/**
	 * Returns the query of the link the client sends for this page.
	 */
	String query() {
		return "page=" + this.page + "&size=" + this.size;
	}

	/**
	 * Whether a link asks for exactly this page: the same URL and parameters, in any
	 * order.
	 */
	boolean isAskedForBy(URI link) {
		return equals(of(link, this.tokens));
	}

	/**
	 * Whether numbered paging may go on from this page to the given one: a page of the
	 * same listing and size further on. The first page, asked for without a number, is
	 * page 0 here, so it may go on to page 1 (an API that counts from 0) or 2 (one that
	 * counts from 1).
	 */
	boolean isFollowedBy(PageNumber named) {
		return this.tokens.equals(named.tokens) && this.size == named.size && named.page > this.page;
	}

}
