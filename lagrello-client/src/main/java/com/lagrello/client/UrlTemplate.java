package com.lagrello.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * A URL template of the API on the client's base URL, expanded once, when it is made, by
 * the client's URI builder factory with a placeholder for each variable, and kept as the
 * literal text between its variables. Expanding it then only joins that text with the
 * encoded values: the template is not parsed again per request, and the URL is the one
 * the factory would build. Immutable and thread-safe.
 */
final class UrlTemplate {

	// stand for the variables while the template is expanded once: letters and digits
	// only, encoded as is; the closing x keeps VAR1 from matching the start of VAR10
	private static final String PLACEHOLDER = "LAGRELLOxVAR";

	private final String template;

	private final String[] literals;

	private UrlTemplate(String template, String[] literals) {
		this.template = template;
		this.literals = literals;
	}

	/**
	 * Makes a template of the API from the factory that would otherwise expand it.
	 * @param uris the client's URI builder factory: its base URL, values encoded only
	 * @param template the template, for example {@code /v1/users/{userId}}
	 * @return the template
	 */
	static UrlTemplate of(UriBuilderFactory uris, String template) {
		int variables = (int) template.chars().filter((c) -> c == '{').count();
		Object[] placeholders = new Object[variables];
		for (int i = 0; i < variables; i++) {
			placeholders[i] = placeholder(i);
		}
		String url = uris.expand(template, placeholders).toString();
		String[] literals = new String[variables + 1];
		int from = 0;
		for (int i = 0; i < variables; i++) {
			int at = url.indexOf(placeholder(i), from);
			if (at < 0) {
				throw new IllegalArgumentException("Not a template of one value per variable: " + template);
			}
			literals[i] = url.substring(from, at);
			from = at + placeholder(i).length();
		}
		literals[variables] = url.substring(from);
		return new UrlTemplate(template, literals);
	}

	private static String placeholder(int variable) {
		return PLACEHOLDER + variable + "x";
	}

	/**
	 * Expands this template with its values, each encoded by {@link #encode(String)}.
	 * @param values the values of its variables, in order
	 * @return the URL
	 */
	URI expand(String... values) {
		String[] encoded = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			encoded[i] = encode(values[i]);
		}
		return expandEncoded(encoded);
	}

	/**
	 * Expands this template with values encoded already.
	 * @param encoded the encoded values of its variables, in order
	 * @return the URL
	 */
	URI expandEncoded(String... encoded) {
		if (encoded.length != this.literals.length - 1) {
			throw new IllegalArgumentException(
					this.template + " has " + (this.literals.length - 1) + " variables, not " + encoded.length);
		}
		StringBuilder url = new StringBuilder(this.literals[0]);
		for (int i = 0; i < encoded.length; i++) {
			url.append(encoded[i]).append(this.literals[i + 1]);
		}
		return URI.create(url.toString());
	}

	/**
	 * Encodes a value strictly as one path segment or one query value, as a URI builder
	 * factory that encodes values only does
	 * ({@link UriUtils#encode(String, java.nio.charset.Charset)}): {@code /}, {@code ?},
	 * {@code #}, {@code %}, {@code +}, {@code &}, {@code =} and spaces included; and the
	 * dots of a value that is a dot segment ({@code .}, {@code ..}), which that leaves as
	 * they are (unreserved) and a server would resolve to another path.
	 * @param value the value
	 * @return the encoded value
	 */
	static String encode(String value) {
		if (value.equals(".")) {
			return "%2E";
		}
		if (value.equals("..")) {
			return "%2E%2E";
		}
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "UrlTemplate[" + this.template + "]";
	}

}
