package com.lagrello.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.lagrello.fake.ReceivedRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

/**
 * A request that the {@link FakeLagrelloServer} received, whatever it answered.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param path the path as sent, still percent-encoded, for example
 * {@code /v1/tokens/a%2Fb}
 * @param query the query string as sent, without {@code ?}, or {@code null} when there
 * was none
 * @param headers the headers, looked up case-insensitively
 * @param body the body as text, empty when there was none
 */
public record RecordedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		String body) {

	/**
	 * Creates a recorded request, copying the headers into a case-insensitive map.
	 */
	public RecordedRequest {
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), RecordedRequest::concat));
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
	 */
	public @Nullable String queryParameter(String name) {
		List<String> values = queryParameters().get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the query parameters, decoded, in the order they were sent.
	 * @return the parameters by name; empty when there was no query
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
		return "RecordedRequest[" + this.method + " " + uri() + ", headers="
				+ ReceivedRequest.maskedHeaders(this.headers) + ", body=" + this.body + "]";
	}

}
