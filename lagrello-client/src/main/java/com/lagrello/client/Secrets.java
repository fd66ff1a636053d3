package com.lagrello.client;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Masks credentials before they reach a message, a log line or {@code toString()}.
 */
final class Secrets {

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
			return "****";
		}
		return "****" + secret.substring(secret.length() - VISIBLE);
	}

	/**
	 * Replaces every occurrence of the secret in a text from elsewhere, say a server's
	 * error message that echoes the token it refused.
	 */
	static @Nullable String redact(@Nullable String text, String secret) {
		return (text != null && !secret.isEmpty() && text.contains(secret)) ? text.replace(secret, "****") : text;
	}

	/**
	 * Replaces every occurrence of the access token and of the other secrets, the longest
	 * first, so that a secret containing another is replaced whole.
	 */
	static @Nullable String redact(@Nullable String text, String accessToken, List<String> others) {
		if (others.isEmpty()) {
			return redact(text, accessToken);
		}
		String redacted = text;
		for (String secret : Stream.concat(Stream.of(accessToken), others.stream())
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList()) {
			redacted = redact(redacted, secret);
		}
		return redacted;
	}

}
