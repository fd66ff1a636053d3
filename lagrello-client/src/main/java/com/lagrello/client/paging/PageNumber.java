package com.lagrello.client.paging;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
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
	private static final Pattern CANONICAL_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");

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
		// the request's origin, as the cycle guard reads it
		return Origin.of(tokens).isOriginOf(link) && tokens.getRawPath().equals(link.getRawPath());
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
		for (String parameter : query.split("&", -1)) {
			String[] nameAndValue = parameter.split("=", 2);
			if (nameAndValue.length != 2 || nameAndValue[0].isEmpty()
					|| !CANONICAL_NUMBER.matcher(nameAndValue[1]).matches()
					|| parameters.put(nameAndValue[0], nameAndValue[1]) != null) {
				return null;
			}
		}
		return parameters;
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
