package com.lagrello.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.util.UriUtils;

/**
 * The URL of a request that carries a secret (the key of a token to delete, a TOTP code,
 * a magic-link token): WebClient is given the URL with the secret masked, and only the
 * client's own connector ({@link UnmaskingConnector}) sends the real one. So whatever
 * WebClient derives from the URL shows the mask only: the {@code http.client.requests}
 * observation's {@code http.url}, the checkpoints Reactor adds to a failure's stack
 * trace, its exception messages, and the {@code HTTP <method> <url>} line its exchange
 * function logs at {@code DEBUG}.
 * <p>
 * The secret URL is the request's attribute {@link #ATTRIBUTE}, which the client's first
 * filter puts in the Reactor context of the exchange alone (the filters and the
 * connector): no registry to clean up, nothing shared between requests, no filter of the
 * application can lose it by making the request anew without its attributes, and the
 * answer's decoding sees the caller's context as it would without a secret (a context
 * with an entry costs Spring's JSON decoder a map of hints per answer).
 *
 * @param masked the URL WebClient sees
 * @param real the URL sent
 */
record SecretUrl(URI masked, URI real) {

	/** The request attribute holding a request's secret URL. */
	static final String ATTRIBUTE = SecretUrl.class.getName();

	private static final Object KEY = SecretUrl.class;

	/**
	 * Hands the secret URL of a request on to the rest of its exchange, in its context,
	 * where the client's own connector ({@link UnmaskingConnector}) or {@link #FILTER}
	 * reads it: the first of the client's filters, before the application's, which may
	 * make the request anew without its attributes.
	 */
	static final ExchangeFilterFunction INTO_CONTEXT = (request, next) -> {
		SecretUrl secret = of(request);
		return (secret != null) ? secret.carriedBy(next.exchange(request)) : next.exchange(request);
	};

	/**
	 * Puts the real URL back into a request whose URL is masked, for a
	 * {@code WebClient.Builder} whose connector is not the client's own: the last of the
	 * client's filters, so the other filters see the mask; WebClient's exchange function,
	 * after every filter, then logs the real URL at {@code DEBUG}.
	 */
	static final ExchangeFilterFunction FILTER = (request, next) -> Mono
		.deferContextual((context) -> next.exchange(unmasked(request, context)));

	/**
	 * Returns an exchange that carries this URL to the connector.
	 * @param exchange the exchange of a request given {@link #masked()}
	 * @return the exchange
	 */
	<T> Mono<T> carriedBy(Mono<T> exchange) {
		return exchange.contextWrite(this::into);
	}

	private Context into(Context context) {
		return context.put(KEY, this);
	}

	/**
	 * Returns the URL to send for the URL a request was given: the real one of the
	 * request's secret URL, also when a filter sent the masked one elsewhere (another
	 * host, as a load balancer's filter does, a path prefix, a further query parameter),
	 * or the given one for any other request (no secret, or a filter made a URL without
	 * the masked path and query).
	 * @param context the context of the request's exchange
	 * @param url the URL the request was given
	 * @return the URL to send
	 */
	static URI unmasked(ContextView context, URI url) {
		SecretUrl secret = context.getOrDefault(KEY, null);
		return (secret != null) ? secret.unmask(url) : url;
	}

	private URI unmask(URI url) {
		if (this.masked.equals(url)) {
			return this.real;
		}
		// sending the mask would have the server refuse it: a right code taken for a
		// wrong one
		String masked = pathAndQuery(this.masked);
		String given = url.toString();
		return given.contains(masked) ? URI.create(given.replace(masked, pathAndQuery(this.real))) : url;
	}

	private static String pathAndQuery(URI url) {
		return url.getRawPath() + ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
	}

	private static @Nullable SecretUrl of(ClientRequest request) {
		return (request.attributes().get(ATTRIBUTE) instanceof SecretUrl secret) ? secret : null;
	}

	private static ClientRequest unmasked(ClientRequest request, ContextView context) {
		URI url = unmasked(context, request.url());
		return (url == request.url()) ? request : ClientRequest.from(request).url(url).build();
	}

	/**
	 * Builds the real and the masked URL of a request from the same template, whose last
	 * variable is the secret: each URL joined from the template's text and the encoded
	 * values, the template not expanded again for either.
	 * @param template the template, the secret its last variable, one path segment or one
	 * query value
	 * @param secret the secret
	 * @param mask what stands for the secret in the masked URL, such as {@code ****6789}
	 * @param before the values of the template's variables before the secret, in order
	 * @return both URLs
	 */
	static SecretUrl of(UrlTemplate template, String secret, String mask, String... before) {
		String[] encoded = new String[before.length + 1];
		for (int i = 0; i < before.length; i++) {
			encoded[i] = UrlTemplate.encode(before[i]);
		}
		// the mask encoded as strictly as the secret, but for its stars: legal in a path
		// segment and a query value alike, and readable
		encoded[before.length] = UriUtils.encode(mask, StandardCharsets.UTF_8).replace("%2A", "*");
		URI masked = template.expandEncoded(encoded);
		encoded[before.length] = UrlTemplate.encode(secret);
		return new SecretUrl(masked, template.expandEncoded(encoded));
	}

	@Override
	public String toString() {
		return "SecretUrl[" + this.masked + "]";
	}

}
