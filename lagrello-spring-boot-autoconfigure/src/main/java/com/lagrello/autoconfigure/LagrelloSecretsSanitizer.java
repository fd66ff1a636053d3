package com.lagrello.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.util.StringUtils;

/**
 * Masks the Lagrello secrets in {@code /actuator/env} and {@code /actuator/configprops}
 * even where an application shows their values: the access token and the proxy
 * credentials under every spelling relaxed binding accepts, and any other value that
 * contains the access token or a proxy credential, such as {@code sun.java.command}
 * holding {@code --lagrello.access-token=...}, {@code SPRING_APPLICATION_JSON}, or the
 * environment variable a {@code ${PROXY_USER}} placeholder took it from.
 */
final class LagrelloSecretsSanitizer implements SanitizingFunction {

	// keys without separators: lagrello.access-token, lagrello.accessToken,
	// LAGRELLO_ACCESS_TOKEN all become lagrelloaccesstoken
	private static final Set<String> SECRET_KEYS = Set.of("lagrelloaccesstoken", "lagrelloproxyusername",
			"lagrelloproxypassword");

	private final ObjectProvider<LagrelloConnectionDetails> connectionDetails;

	private final ObjectProvider<LagrelloProperties> properties;

	LagrelloSecretsSanitizer(ObjectProvider<LagrelloConnectionDetails> connectionDetails,
			ObjectProvider<LagrelloProperties> properties) {
		this.connectionDetails = connectionDetails;
		this.properties = properties;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		return (isSecretKey(data.getLowerCaseKey()) || containsSecret(data.getValue())) ? data.withSanitizedValue()
				: data;
	}

	private static boolean isSecretKey(String lowerCaseKey) {
		return SECRET_KEYS.contains(lowerCaseKey.replaceAll("[-_.]", ""));
	}

	private boolean containsSecret(@Nullable Object value) {
		if (!(value instanceof CharSequence text) || text.isEmpty()) {
			return false;
		}
		LagrelloConnectionDetails details = this.connectionDetails.getIfAvailable();
		LagrelloProperties lagrello = this.properties.getIfAvailable();
		if (contains(text, (details != null) ? accessTokenOf(details) : null)) {
			return true;
		}
		return lagrello != null && lagrello.getProxy().secrets().stream().anyMatch((secret) -> contains(text, secret));
	}

	/**
	 * The token, or {@code null} when none is configured: the application may run without
	 * one (its own {@code TokensClient} bean), and then there is none to mask.
	 */
	private static @Nullable String accessTokenOf(LagrelloConnectionDetails details) {
		try {
			return details.getAccessToken();
		}
		catch (MissingAccessTokenException none) {
			return null;
		}
	}

	/**
	 * Whether the text holds the secret as it is, JSON-escaped (in
	 * {@code SPRING_APPLICATION_JSON}) or URL-encoded.
	 */
	private static boolean contains(CharSequence text, @Nullable String secret) {
		if (!StringUtils.hasText(secret)) {
			return false;
		}
		String value = text.toString();
		String plain = secret.strip();
		return value.contains(plain) || value.contains(plain.replace("\\", "\\\\").replace("\"", "\\\""))
				|| value.contains(URLEncoder.encode(plain, StandardCharsets.UTF_8));
	}

}
