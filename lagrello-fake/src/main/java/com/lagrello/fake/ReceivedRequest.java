package com.lagrello.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

/**
 * A request that a fake server received, whatever it answered.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param path the path as sent, still percent-encoded, for example
 * {@code /v1/tokens/a%2Fb}
 * @param query the query string as sent, without {@code ?}, or {@code null} when there
 * was none
 * @param headers the headers, looked up case-insensitively
 * @param body the body as text, empty when there was none
 * @param arrivalNanos when its headers arrived, on the server's {@link System#nanoTime()}
 * clock: comparable with other arrivals in the same JVM, not a wall-clock time
 * @param connection the connection it came on, the same text for every request of one
 * connection
 */
public record ReceivedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body, long arrivalNanos, String connection) {

	/**
	 * Creates a received request, copying the headers into a case-insensitive map.
	 */
	public ReceivedRequest {
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), ReceivedRequest::concat));
		headers = Collections.unmodifiableMap(copy);
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header was not sent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the {@code Authorization} header.
	 * @return for example {@code Bearer 1b4e...}, or {@code null} when it was not sent
	 */
	public @Nullable String authorization() {
		return header("Authorization");
	}

	/**
	 * Returns the first value of a query parameter, decoded.
	 * @param name the parameter name
	 * @return the value, or {@code null} when the parameter was not sent
	 * @throws IllegalArgumentException if the query is not validly percent-encoded
	 */
	public @Nullable String queryParameter(String name) {
		List<String> values = queryParameters().get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the query parameters, decoded, in the order they were sent.
	 * @return the parameters by name; empty when there was no query
	 * @throws IllegalArgumentException if the query is not validly percent-encoded
	 */
	public Map<String, List<String>> queryParameters() {
		if (this.query == null) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(new QueryStringDecoder(this.query, false).parameters()));
	}

	/**
	 * Returns the request target as sent: the path and, when there was one, the query.
	 * @return for example {@code /v1/tokens?page=1&size=2}
	 */
	public String uri() {
		return (this.query != null) ? this.path + "?" + this.query : this.path;
	}

	@Override
	public String toString() {
		// a failed assertion prints this: the bearer token stays out of it
		return "ReceivedRequest[" + this.method + " " + uri() + ", headers=" + maskedHeaders(this.headers) + ", body="
				+ this.body + "]";
	}

	/**
	 * Returns the headers for display, with the credentials of {@code Authorization}
	 * masked but its scheme kept, which is what a failing test about headers wants to
	 * see.
	 * @param headers headers by name
	 * @return the same headers, sorted by name, credentials masked
	 */
	public static Map<String, Object> maskedHeaders(Map<String, List<String>> headers) {
		Map<String, Object> shown = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> shown.put(name, name.equalsIgnoreCase("Authorization")
				? values.stream().map(ReceivedRequest::maskAuthorization).toList() : values));
		return shown;
	}

	private static String maskAuthorization(String authorization) {
		int space = authorization.indexOf(' ');
		return (space < 0) ? mask(authorization)
				: authorization.substring(0, space + 1) + mask(authorization.substring(space + 1).trim());
	}

	/**
	 * The last four characters of a long enough credential, enough to tell two apart.
	 */
	private static String mask(String credential) {
		return (credential.length() < 12) ? "****" : "****" + credential.substring(credential.length() - 4);
	}

}
