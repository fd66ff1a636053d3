package com.lagrello.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The last path segment of a request URL that is itself a credential: the key of the
 * token a delete addresses, which the API takes as the token's id.
 * <p>
 * WebClient is given the URL with the segment masked, so that what it derives from the
 * URL shows the mask only: the {@code http.client.requests} observation's
 * {@code http.url} (from start to stop), the checkpoints Reactor adds to a failure's
 * stack trace, and its exception messages. {@link #FILTER}, the last of the client's
 * filters, puts the real segment back just before the request goes to the connector. What
 * the exchange function itself logs at {@code DEBUG} ({@code HTTP DELETE <url>}) is past
 * every filter: it shows the real URL.
 *
 * @param masked the segment as WebClient sees it, encoded
 * @param real the segment sent, encoded
 */
record SecretPathSegment(String masked, String real) {

	/** The request attribute that holds the segment of a request with a masked URL. */
	static final String ATTRIBUTE = SecretPathSegment.class.getName();

	/**
	 * Puts the real segment back into a request whose URL has it masked; any other
	 * request passes unchanged.
	 */
	static final ExchangeFilterFunction FILTER = (request, next) -> next.exchange(unmasked(request));

	/**
	 * The segment of a URL whose last path segment is the secret, encoded as that URL has
	 * it.
	 * @param url the real URL
	 * @param secret the secret, not encoded
	 * @return the segment, masked like every other secret
	 */
	static SecretPathSegment of(URI url, String secret) {
		String path = url.getRawPath();
		return new SecretPathSegment(UriUtils.encodePathSegment(Secrets.mask(secret), StandardCharsets.UTF_8),
				path.substring(path.lastIndexOf('/') + 1));
	}

	/**
	 * Returns the URL with this segment masked.
	 * @param url the real URL, ending with this segment
	 * @return the URL WebClient is given
	 */
	URI mask(URI url) {
		return replaceLastSegment(url, this.masked);
	}

	private static ClientRequest unmasked(ClientRequest request) {
		if (!(request.attribute(ATTRIBUTE).orElse(null) instanceof SecretPathSegment segment)
				|| !request.url().getRawPath().endsWith("/" + segment.masked)) {
			return request;
		}
		return ClientRequest.from(request).url(replaceLastSegment(request.url(), segment.real)).build();
	}

	private static URI replaceLastSegment(URI url, String segment) {
		String path = url.getRawPath();
		return UriComponentsBuilder.fromUri(url)
			.replacePath(path.substring(0, path.lastIndexOf('/') + 1) + segment)
			.build(true)
			.toUri();
	}

	@Override
	public String toString() {
		return "SecretPathSegment[" + this.masked + "]";
	}

}
