package com.lagrello.test;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials in what the fake prints.
 */
final class Secrets {

	private Secrets() {
	}

	/**
	 * Keeps the last four characters, enough to tell tokens apart in a failure message.
	 */
	static String mask(@Nullable String secret) {
		if (secret == null) {
			return "null";
		}
		return (secret.length() <= 8) ? "****" : "****" + secret.substring(secret.length() - 4);
	}

	/**
	 * Masks the credentials of an {@code Authorization} value but keeps its scheme, which
	 * is what a failing test about headers wants to see.
	 */
	static String maskAuthorization(String authorization) {
		int space = authorization.indexOf(' ');
		return (space < 0) ? mask(authorization)
				: authorization.substring(0, space + 1) + mask(authorization.substring(space + 1).trim());
	}

}
