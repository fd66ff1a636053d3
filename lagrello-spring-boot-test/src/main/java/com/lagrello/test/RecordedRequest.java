package com.lagrello.test;

import java.util.List;
import java.util.Map;

import com.lagrello.fake.ReceivedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request that the {@link FakeLagrelloServer} received, whatever it answered: the
 * fake's {@link ReceivedRequest} without its arrival time and connection.
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
		headers = new ReceivedRequest(method, path, query, headers, body, 0, "").headers();
	}

	/**
	 * The same request as the fake records it, whose methods read it.
	 */
	private ReceivedRequest received() {
		return new ReceivedRequest(this.method, this.path, this.query, this.headers, this.body, 0, "");
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when the header was not sent
	 */
	public @Nullable String header(String name) {
		return received().header(name);
	}

	/**
	 * Returns the {@code Authorization} header.
	 * @return for example {@code Bearer 1b4e...}, or {@code null} when it was not sent
	 */
	public @Nullable String authorization() {
		return received().authorization();
	}

	/**
	 * Returns the first value of a query parameter, decoded.
	 * @param name the parameter name
	 * @return the value, or {@code null} when the parameter was not sent
	 */
	public @Nullable String queryParameter(String name) {
		return received().queryParameter(name);
	}

	/**
	 * Returns the query parameters, decoded, in the order they were sent.
	 * @return the parameters by name; empty when there was no query
	 */
	public Map<String, List<String>> queryParameters() {
		return received().queryParameters();
	}

	/**
	 * Returns the request target as sent: the path and, when there was one, the query.
	 * @return for example {@code /v1/tokens?page=1&size=2}
	 */
	public String uri() {
		return received().uri();
	}

	@Override
	public String toString() {
		// a failed assertion prints this: the bearer token stays out of it
		return "RecordedRequest[" + this.method + " " + uri() + ", headers="
				+ ReceivedRequest.maskedHeaders(this.headers) + ", body=" + this.body + "]";
	}

}
