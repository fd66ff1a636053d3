package com.lagrello.client;

import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The same client for blocking code: a servlet application, a batch job, virtual threads.
 * Every call sends the same requests, retries and guards as {@link TokensClient}, waits
 * at most the client's call timeout ({@code lagrello.call-timeout}; {@link #deleteAll} as
 * a whole, see there), and throws the {@link LagrelloException} itself, never wrapped.
 * Called on a non-blocking thread (a Reactor or Netty event loop), every method throws a
 * {@code LagrelloException} and sends nothing: use {@link TokensClient} there. An
 * interrupt of the waiting thread cancels the call, nothing more is sent, and a
 * {@code LagrelloException} is thrown with the {@link InterruptedException} as cause, the
 * thread's interrupt flag set again; called on an interrupted thread, a method sends
 * nothing and throws the same. Get one with {@link TokensClient#blocking()} or
 * {@link TokensClient#blocking(java.time.Duration)}.
 */
public interface BlockingTokensClient {

	/**
	 * Creates a token ({@code POST /v1/tokens}), never sent twice once it may have
	 * reached the server.
	 * @param request the token's name and permissions
	 * @return the created token, with its secret key
	 */
	Token create(CreateTokenRequest request);

	/**
	 * Fetches one page with one request.
	 * @param page the page number, {@code 0} or more
	 * @param size the page size, from 1 to 20
	 * @return the page with its paging links
	 */
	TokenList listPage(int page, int size);

	/**
	 * Every token with the configured page size. See {@link #listAll(int)}.
	 * @return a lazy stream of every token; close it when done early
	 */
	Stream<Token> listAll();

	/**
	 * Every token, fetched page by page as the stream is consumed: a page is requested
	 * only when the tokens before it have been taken. Closing the stream stops further
	 * requests, so use it in try-with-resources when you may stop early.
	 * @param pageSize tokens per page, from 1 to 20
	 * @return a lazy stream of every token
	 */
	Stream<Token> listAll(int pageSize);

	/**
	 * Deletes a token ({@code DELETE /v1/tokens/{id}}).
	 * @param tokenId the token's key
	 */
	void delete(String tokenId);

	/**
	 * Deletes every token that matches, as {@link TokensClient#deleteAll} does, within
	 * the call timeout as a whole: listing and deletes are one call. A listing not done
	 * by then fails with a {@link LagrelloTimeoutException}. Every token not deleted by
	 * then is in {@link DeleteAllResult#failures()} with a
	 * {@code LagrelloTimeoutException}: a delete not started is not sent, one in flight
	 * is cancelled (it may have reached the server). A {@code Retry-After} that would
	 * hold the batch back beyond the call timeout ends it at once, rather than waiting
	 * for nothing. Over an implementation of {@code TokensClient} other than the
	 * library's own, the call fails with a {@code LagrelloTimeoutException} when the time
	 * runs out.
	 * @param filter which tokens to delete
	 * @return what was deleted and what failed
	 */
	DeleteAllResult deleteAll(Predicate<? super Token> filter);

}
