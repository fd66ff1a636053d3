package com.lagrello.client;

import java.time.Duration;
import java.util.function.Predicate;

import com.lagrello.client.blocking.BlockingTokensClientAdapter;
import com.lagrello.client.bulk.BulkDelete;
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
	 * Streams every token of the tenant, following the server's {@code paging.next} links
	 * page after page: {@link #listPages(int)} flattened.
	 * <p>
	 * Tokens are emitted as pages arrive. A page is requested only when downstream demand
	 * goes beyond the tokens of the pages before it, and at most one page is read ahead
	 * of demand: {@code listAll(2).take(2)} sends one request, while an unbounded
	 * subscriber has the next page requested as soon as the tokens of the previous one
	 * are emitted. Cancelling stops further page requests and cancels the one in flight.
	 * A {@code next} link to another origin than the base URL, a link already visited, or
	 * more pages than the configured maximum end the stream with a
	 * {@link LagrelloPagingException}, after the tokens before it, and the refused link
	 * is not requested.
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
	 * Streams every page of tokens, in order: the first page without a {@code page}
	 * parameter (the server's first page), then each {@code paging.next} exactly as the
	 * server gives it. It stops after a page without data or without {@code next}. A page
	 * is requested only when downstream demand reaches it; the guards of
	 * {@link #listAll(int)} apply.
	 * <p>
	 * A page's {@code paging().next()} is a resume point: {@link #listPagesFrom(String)}
	 * goes on from there, say in a later request of a web application.
	 * <p>
	 * The default implementation pages by number with {@link #listPage(int, int)}, for
	 * implementations of this interface other than the library's own.
	 * @param pageSize tokens per page, from 1 to 20
	 * @return every page
	 */
	default Flux<TokenList> listPages(int pageSize) {
		return Flux.range(0, Integer.MAX_VALUE)
			.concatMap((page) -> listPage(page, pageSize), 0)
			.takeUntil((page) -> page.data().isEmpty() || !page.paging().hasNext());
	}

	/**
	 * Goes on paging from a {@code paging.next} link seen earlier. The link is resolved
	 * and checked as any {@code next} link: one to another origin than the base URL fails
	 * with a {@link LagrelloPagingException} and nothing is sent.
	 * @param nextLink a {@code paging.next} of an earlier page
	 * @return the page it links to and every page after it
	 */
	default Flux<TokenList> listPagesFrom(String nextLink) {
		return Flux.error(new UnsupportedOperationException(getClass().getName() + " cannot resume paging"));
	}

	/**
	 * Deletes a token ({@code DELETE /v1/tokens/{id}}). The id is always encoded as one
	 * path segment.
	 * @param tokenId the token's key
	 * @return completes when the server confirmed the deletion
	 */
	Mono<Void> delete(String tokenId);

	/**
	 * Deletes every token that matches the filter: a snapshot of every token first (so
	 * that deleting does not shift the pages still to be read), then at most the
	 * configured number of deletes at a time ({@code lagrello.bulk.concurrency}, 4 by
	 * default). It never deletes the token the client authenticates with, compared as
	 * sent (without surrounding whitespace), nor any other access token a request of the
	 * batch used when the token supplier rotates while it runs; such rotated tokens are
	 * reported in {@link DeleteAllResult#failures()}, as is a listed token without a key
	 * (nothing is sent for it). A {@code 404} counts as deleted; a failed delete does not
	 * stop the others and is in {@link DeleteAllResult#failures()}; a {@code 429} or
	 * {@code 503} with {@code Retry-After} on any delete holds back every further delete
	 * of the batch until that time. Prefer it to {@code listAll().flatMap(delete)}, which
	 * deletes while paging (and so skips tokens), may revoke the client's own token
	 * half-way, and runs into the rate limit.
	 * <p>
	 * The default implementation, for implementations of this interface other than the
	 * library's own, deletes four at a time with {@link #delete(String)} and cannot know
	 * its own token.
	 * @param filter which tokens to delete
	 * @return what was deleted and what failed; fails, with a {@link LagrelloException},
	 * only when the listing fails or the filter throws (then nothing is deleted)
	 */
	default Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter) {
		return new BulkDelete(this, ClientOptions.DEFAULT_BULK_CONCURRENCY).deleteAll(filter, () -> null);
	}

	/**
	 * Returns this client for blocking code: the same requests, retries and guards, each
	 * call bounded by this client's call timeout ({@link #blocking(Duration)} with it).
	 * Creating it sends nothing.
	 * <p>
	 * The default implementation, for implementations of this interface other than the
	 * library's own, bounds each call by
	 * {@link TokensClientBuilder#DEFAULT_CALL_TIMEOUT}.
	 * @return the blocking face of this client
	 */
	default BlockingTokensClient blocking() {
		return blocking(ClientOptions.DEFAULT_CALL_TIMEOUT);
	}

	/**
	 * Returns this client for blocking code with the given call timeout: each call waits
	 * at most that long, every attempt and wait included, then fails with a
	 * {@link LagrelloTimeoutException}. {@code deleteAll} is one call, bounded as a
	 * whole: with the library's own client, a listing not done in time fails it, and the
	 * tokens not deleted in time are in {@link DeleteAllResult#failures()} with a
	 * {@code LagrelloTimeoutException} (deletes not started are not sent, those in flight
	 * are cancelled). Creating it sends nothing.
	 * <p>
	 * The default implementation, for implementations of this interface other than the
	 * library's own, bounds each call, {@code deleteAll} included, by a timer of that
	 * length, whose end cancels the call and fails it with a
	 * {@code LagrelloTimeoutException}; it does not use an overridden
	 * {@link #blocking()}.
	 * @param callTimeout the longest time one call may take, positive and at most a day
	 * @return the blocking face of this client
	 * @throws LagrelloInvalidArgumentException if the call timeout is not positive or
	 * longer than a day
	 */
	default BlockingTokensClient blocking(Duration callTimeout) {
		return BlockingTokensClientAdapter.overAnyClient(this, callTimeout);
	}

	/**
	 * Returns a builder preset with this client's settings and connections, to derive
	 * another client, say for another tenant:
	 * {@code client.mutate().accessToken(other).build()}. This client is unchanged.
	 * @return a new builder
	 * @throws UnsupportedOperationException if this implementation cannot be derived from
	 * (the default)
	 */
	default TokensClientBuilder mutate() {
		throw new UnsupportedOperationException(getClass().getName() + " cannot be mutated");
	}

	/**
	 * Starts building a client without Spring Boot, on a {@code WebClient.Builder} of
	 * your own.
	 * @return a new builder
	 */
	static TokensClientBuilder builder() {
		return new TokensClientBuilder();
	}

}
