package com.lagrello.client.paging;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a request to a URL goes: its scheme and host, in lower case, and the port it
 * connects to (the scheme's default when the URL names none). User info and the spelling
 * of a default port make no difference. The one notion of "the same origin" of the
 * client: the origin check of {@code next} links, the listing's own page-number links and
 * the cycle guard all compare this.
 *
 * @param scheme the scheme in lower case, empty when the URL has none
 * @param host the host in lower case, empty when the URL has none
 * @param port the port, -1 for a scheme other than {@code http} and {@code https} that
 * names none
 */
record Origin(String scheme, String host, int port) {

	/**
	 * Returns the origin of a URL.
	 */
	static Origin of(URI url) {
		String scheme = lowerCase(url.getScheme());
		return new Origin(scheme, lowerCase(url.getHost()), effectivePort(scheme, url.getPort()));
	}

	private static String lowerCase(@Nullable String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

	private static int effectivePort(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return switch (scheme) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
	}

	/**
	 * Whether a request to the URL goes to this origin. Compared in place, without the
	 * lower-cased copies {@link #of(URI)} makes: every link of a drain is checked.
	 */
	boolean isOriginOf(URI url) {
		return this.scheme.equalsIgnoreCase(orEmpty(url.getScheme()))
				&& this.host.equalsIgnoreCase(orEmpty(url.getHost()))
				&& this.port == effectivePort(this.scheme, url.getPort());
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	@Override
	public String toString() {
		return this.scheme + "://" + this.host + ":" + this.port;
	}

}
