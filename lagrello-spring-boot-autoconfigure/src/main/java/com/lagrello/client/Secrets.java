package com.lagrello.client;

/**
 * Masks credentials before they reach a message or {@code toString()}.
 */
final class Secrets {

	private static final int VISIBLE = 4;

	private Secrets() {
	}

	/**
	 * Keeps the last four characters of a long enough secret, enough to tell two apart.
	 */
	static String mask(String secret) {
		if (secret == null) {
			return "null";
		}
		if (secret.length() < 3 * VISIBLE) {
			return "****";
		}
		return "****" + secret.substring(secret.length() - VISIBLE);
	}

}
