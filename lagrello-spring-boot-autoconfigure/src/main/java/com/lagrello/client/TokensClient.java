package com.lagrello.client;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive client for the Lagrello Tokens API: creates, lists and deletes the access
 * tokens of the tenant that the client's own access token belongs to.
 * <p>
 * Every method is lazy: nothing is sent until the returned publisher is subscribed, and
 * each subscription sends its own request(s). Failures are signalled as
 * {@link LagrelloException}s: {@link LagrelloApiException} for HTTP error answers,
 * {@link LagrelloInvalidArgumentException} for arguments rejected before any request is
 * sent, {@link LagrelloTimeoutException}, {@link LagrelloTransportException},
 * {@link LagrelloDecodingException} and {@link LagrelloPagingException} for the rest.
 * <p>
 * Implementations are immutable and thread-safe.
 *
 * @see #builder()
 */
public interface TokensClient {

	/**
	 * Creates a token ({@code POST /v1/tokens}). The request is never sent twice for one
	 * call once it may have reached the server.
	 * @param request the token's name and permissions
	 * @return the created token, including its secret {@link Token#tokenKey() key}
	 */
	Mono<Token> create(CreateTokenRequest request);

	/**
	 * Fetches one page of tokens with one request ({@code GET /v1/tokens?page=&size=}).
	 * @param page the page number, {@code 0} or more
	 * @param size the page size, from 1 to 20
	 * @return the page with its paging links
	 */
	Mono<TokenList> listPage(int page, int size);

	/**
	 * Streams every token of the tenant with the configured page size, following the
	 * server's {@code paging.next} links. See {@link #listAll(int)}.
	 * @return every token, page after page
	 */
	Flux<Token> listAll();

	/**
	 * Streams every token of the tenant, following the server's {@code paging.next}
	 * links page after page.
	 * <p>
	 * Tokens are emitted as pages arrive. A page is requested only when downstream demand
	 * goes beyond the tokens already received, so {@code listAll(2).take(2)} sends one
	 * request, while an unbounded subscriber has the next page requested as soon as the
	 * previous one arrives. Cancelling stops further page requests. A {@code next} link to
	 * another origin than the base URL, a link already visited, or more pages than the
	 * configured maximum end the stream with a {@link LagrelloPagingException}.
	 * <p>
	 * Tokens are emitted on the HTTP client's thread that received the page. A consumer
	 * that does slow or blocking work per token should hop off it with
	 * {@code listAll().publishOn(Schedulers.boundedElastic())}, so that the next page
	 * arrives while the current one is consumed.
	 * @param pageSize tokens per page, from 1 to 20
	 * @return every token, page after page
	 */
	Flux<Token> listAll(int pageSize);

	/**
	 * Deletes a token ({@code DELETE /v1/tokens/{id}}). The id is always encoded as one
	 * path segment.
	 * @param tokenId the token's key
	 * @return completes when the server confirmed the deletion
	 */
	Mono<Void> delete(String tokenId);

	/**
	 * Starts building a client without Spring Boot, on a {@code WebClient.Builder} of
	 * your own.
	 * @return a new builder
	 */
	static TokensClientBuilder builder() {
		return new TokensClientBuilder();
	}

}
