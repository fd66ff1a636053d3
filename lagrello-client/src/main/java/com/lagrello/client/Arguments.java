package com.lagrello.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The checks of the arguments of the operations, each declared once: a failed check is a
 * {@link LagrelloInvalidArgumentException} naming the argument, and nothing is sent. A
 * secret argument (a code, a magic-link token) is never shown in a message. No text
 * argument may hold a lone surrogate (half of a UTF-16 pair): UTF-8 cannot carry it, so
 * it would be sent as {@code ?}, another value. A length limit counts characters as the
 * API does: Unicode code points (JSON Schema's length of a string), so an emoji, two
 * UTF-16 units, is one.
 */
final class Arguments {

	/** Longest user id the API accepts, in characters (code points). */
	static final int MAX_USER_ID_LENGTH = 128;

	private static final String PLACEHOLDER = "{}";

	// stands for the placeholder while a callback URL is parsed: letters only, legal in
	// a host, a path and a query alike
	private static final String PLACEHOLDER_STAND_IN = "lagrelloxtokenxplaceholder";

	private Arguments() {
	}

	/**
	 * Checks a user id: not blank and at most {@value #MAX_USER_ID_LENGTH} characters.
	 * @param userId the user id
	 * @return the user id
	 */
	static String userId(String userId) {
		return name("userId", userId, MAX_USER_ID_LENGTH);
	}

	/**
	 * Checks a name the API limits in length (a user id, a token name): not blank, and at
	 * most so many characters.
	 * @param name the argument's name
	 * @param value the value
	 * @param maxLength the most characters (code points) the API accepts
	 * @return the value
	 */
	static String name(String name, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new LagrelloInvalidArgumentException(name, name + " must not be blank");
		}
		wellFormed(name, value);
		int length = value.codePointCount(0, value.length());
		if (length > maxLength) {
			throw new LagrelloInvalidArgumentException(name,
					name + " must be at most " + maxLength + " characters, but has " + length);
		}
		return value;
	}

	/**
	 * Checks a token id: not blank, and not a dot segment, which would address another
	 * path.
	 * @param tokenId the token id
	 * @return the token id
	 */
	static String tokenId(String tokenId) {
		if (tokenId == null || tokenId.isBlank()) {
			throw new LagrelloInvalidArgumentException("tokenId", "tokenId must not be blank");
		}
		if (tokenId.equals(".") || tokenId.equals("..")) {
			throw new LagrelloInvalidArgumentException("tokenId",
					"tokenId must not be a dot segment, which would address another path");
		}
		return wellFormed("tokenId", tokenId);
	}

	/**
	 * Checks a request: not {@code null} (its own checks ran when it was made).
	 * @param request the request
	 * @return the request
	 */
	static <T> T request(T request) {
		if (request == null) {
			throw new LagrelloInvalidArgumentException("request", "request must not be null");
		}
		return request;
	}

	/**
	 * Checks an e-mail address: not blank, with an {@code @}.
	 * @param email the address
	 * @return the address
	 */
	static String email(String email) {
		if (email == null || email.isBlank()) {
			throw new LagrelloInvalidArgumentException("email", "email must not be blank");
		}
		wellFormed("email", email);
		if (email.indexOf('@') < 0) {
			throw new LagrelloInvalidArgumentException("email", "email must hold an '@'");
		}
		return email;
	}

	/**
	 * Checks a secret argument (a TOTP code, a magic-link token): not blank. Its value is
	 * never shown.
	 * @param name the argument's name
	 * @param value the secret
	 * @return the secret
	 */
	static String secret(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new LagrelloInvalidArgumentException(name, name + " must not be blank");
		}
		return wellFormed(name, value);
	}

	/**
	 * Checks a tenant's callback URL: an absolute {@code https} URL ({@code http} only to
	 * a loopback host) holding {@code {}} exactly once, in its path, query or fragment,
	 * where the magic-link token goes.
	 * @param callbackUrl the callback URL
	 * @return the callback URL
	 */
	static String callbackUrl(String callbackUrl) {
		if (callbackUrl == null || callbackUrl.isBlank()) {
			throw new LagrelloInvalidArgumentException("callbackUrl", "callbackUrl must not be blank");
		}
		wellFormed("callbackUrl", callbackUrl);
		int first = callbackUrl.indexOf(PLACEHOLDER);
		if (first < 0 || callbackUrl.indexOf(PLACEHOLDER, first + 1) >= 0) {
			throw new LagrelloInvalidArgumentException("callbackUrl",
					"callbackUrl must hold {} exactly once, where the magic-link token goes");
		}
		URI url = parse(callbackUrl.replace(PLACEHOLDER, PLACEHOLDER_STAND_IN));
		String scheme = (url != null) ? url.getScheme() : null;
		boolean https = "https".equalsIgnoreCase(scheme);
		boolean loopbackHttp = "http".equalsIgnoreCase(scheme) && url.getHost() != null
				&& ClientOptions.isLoopbackHost(url.getHost());
		if (url == null || url.getHost() == null || !(https || loopbackHttp)) {
			throw new LagrelloInvalidArgumentException("callbackUrl",
					"callbackUrl must be an absolute https URL (http only to a loopback host)");
		}
		// the token in the host or user info would choose where the link goes (and be
		// sent to DNS resolvers in clear text)
		if (url.getRawAuthority().toLowerCase(Locale.ROOT).contains(PLACEHOLDER_STAND_IN)) {
			throw new LagrelloInvalidArgumentException("callbackUrl",
					"callbackUrl must hold {} in its path, query or fragment, not in its host or user info");
		}
		return callbackUrl;
	}

	/**
	 * Checks that a text holds no lone surrogate. Its value is not shown, so that this
	 * serves secrets too.
	 * @param name the argument's name
	 * @param value the text
	 * @return the text
	 */
	private static String wellFormed(String name, String value) {
		for (int i = 0; i < value.length(); i++) {
			char each = value.charAt(i);
			if (Character.isHighSurrogate(each) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				// a pair: one code point
				i++;
			}
			else if (Character.isSurrogate(each)) {
				throw new LagrelloInvalidArgumentException(name,
						name + " must not hold a lone surrogate (half of a UTF-16 pair), which UTF-8 cannot carry");
			}
		}
		return value;
	}

	private static URI parse(String url) {
		try {
			return new URI(url);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
