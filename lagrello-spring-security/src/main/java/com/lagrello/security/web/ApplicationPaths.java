package com.lagrello.security.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * The rule for the URLs sign-in redirects the browser to after a magic-link request (the
 * "sent" page, the failure page): a path of this application, never another host. An
 * absolute URL ({@code https://other.example}), a protocol-relative one
 * ({@code //other.example}, or {@code /\other.example}, which browsers read the same) or
 * a value without a leading {@code /} would make the application an open redirect or send
 * the browser somewhere relative to the page it came from.
 */
public final class ApplicationPaths {

	/** What a valid value is, for the messages that refuse one. */
	public static final String REQUIREMENT = "a path of this application: starting with a single '/', "
			+ "without a scheme or host, whitespace or control characters, and a valid URI";

	private ApplicationPaths() {
	}

	/**
	 * Whether a URL is a path of this application to redirect to.
	 * @param url the URL
	 * @return {@code true} if it starts with one {@code /} that is not followed by
	 * another {@code /}, and is a valid URI (WebFlux's redirects parse it; a servlet
	 * container would send it as it is), which refuses whitespace, control characters and
	 * {@code \}, read by browsers as {@code /}
	 */
	public static boolean isApplicationPath(@Nullable String url) {
		if (url == null || !url.startsWith("/") || url.startsWith("//")) {
			return false;
		}
		return isUri(url);
	}

	private static boolean isUri(String url) {
		try {
			URI.create(url);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
