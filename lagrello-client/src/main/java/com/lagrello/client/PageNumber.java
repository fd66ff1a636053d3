package com.lagrello.client;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

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

	/**
	 * Returns the page a link asks for, when it is a page-number link of the listing:
	 * only {@code page} (0 when absent) and {@code size}, each once.
	 */
	static @Nullable PageNumber of(URI link, URI tokens) {
		if (!sameResource(link, tokens) || link.getRawFragment() != null) {
			return null;
		}
		Map<String, String> parameters = parameters(link.getRawQuery());
		if (parameters == null || !parameters.containsKey("size") || parameters.size() > 2
				|| (parameters.size() == 2 && !parameters.containsKey("page"))) {
			return null;
		}
		try {
			long page = Long.parseLong(parameters.getOrDefault("page", "0"));
			int size = Integer.parseInt(parameters.get("size"));
			return (page >= 0 && size > 0) ? new PageNumber(tokens, page, size) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean sameResource(URI link, URI tokens) {
		// the request's origin, as the cycle guard reads it: user info is not sent, and a
		// default port is the same whether spelled out or not
		return link.getScheme() != null && link.getScheme().equalsIgnoreCase(tokens.getScheme())
				&& link.getHost() != null && link.getHost().equalsIgnoreCase(tokens.getHost())
				&& PageLinks.port(link) == PageLinks.port(tokens) && tokens.getRawPath().equals(link.getRawPath());
	}

	/**
	 * The query parameters as written, or {@code null} if one is repeated, malformed or
	 * not in the client's own spelling: nothing is decoded, and a number is only ASCII
	 * digits without a leading zero or sign, so that a link is taken for the client's own
	 * only when the client would send it that way.
	 */
	private static @Nullable Map<String, String> parameters(@Nullable String query) {
		Map<String, String> parameters = new HashMap<>(4);
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		// on every page of a drain: read in place, no regular expression
		int start = 0;
		while (start <= query.length()) {
			int end = query.indexOf('&', start);
			end = (end < 0) ? query.length() : end;
			int equals = query.indexOf('=', start);
			if (equals < start + 1 || equals >= end || !isCanonicalNumber(query, equals + 1, end)
					|| parameters.put(query.substring(start, equals), query.substring(equals + 1, end)) != null) {
				return null;
			}
			start = end + 1;
		}
		return parameters;
	}

	/**
	 * Whether the text from {@code start} to {@code end} is {@code 0} or 1 to 18 ASCII
	 * digits without a leading zero.
	 */
	private static boolean isCanonicalNumber(String text, int start, int end) {
		int length = end - start;
		if (length < 1 || length > 18 || (length > 1 && text.charAt(start) == '0')) {
			return false;
		}
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
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
