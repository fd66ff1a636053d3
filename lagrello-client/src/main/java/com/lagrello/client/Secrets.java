package com.lagrello.client;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials before they reach a message, a log line or {@code toString()}.
 */
final class Secrets {

	/** What stands for a secret of which nothing may be shown. */
	static final String MASK = "****";

	private static final int VISIBLE = 4;

	private Secrets() {
	}

	/**
	 * Keeps the last four characters of a long enough secret, enough to tell two apart.
	 * @param secret the secret, or {@code null}
	 * @return {@code ****} followed by at most the last four characters
	 */
	static String mask(@Nullable String secret) {
		if (secret == null) {
			return "null";
		}
		if (secret.length() < 3 * VISIBLE) {
			return MASK;
		}
		return MASK + secret.substring(secret.length() - VISIBLE);
	}

}
