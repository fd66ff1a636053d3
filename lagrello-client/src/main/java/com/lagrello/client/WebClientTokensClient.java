package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

import com.lagrello.client.blocking.BlockingTokensClientAdapter;
import com.lagrello.client.bulk.BatchAccessTokens;
import com.lagrello.client.bulk.BulkDelete;
import com.lagrello.client.call.AnswerRule;
import com.lagrello.client.call.CallCoordination;
import com.lagrello.client.call.Operation;
import com.lagrello.client.call.RetryRule;
import com.lagrello.client.paging.PageLinks;
import com.lagrello.client.paging.PageTurn;
import com.lagrello.client.paging.TokenPages;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.http.HttpMethod;

/**
 * {@link TokensClient} on Spring's {@code WebClient}. Immutable and thread-safe; build
 * one with {@link TokensClient#builder()}, derive one with {@link #mutate()}.
 * <p>
 * Every request is observed under a URI template ({@code /v1/tokens},
 * {@code /v1/tokens/{id}}), never the raw URL, so metrics and traces stay bounded, also
 * for pages reached through absolute {@code next} links. {@link #close()} closes the
 * client and those derived from it; the connections belong to the {@code WebClient}'s
 * connector.
 */
public final class WebClientTokensClient implements TokensClient, AutoCloseable {

	static final String TOKENS_PATH = "/v1/tokens";

	static final String TOKEN_PATH = "/v1/tokens/{id}";

	/** {@code POST /v1/tokens}: never sent twice once it may have reached the server. */
	static final Operation CREATE = new Operation("tokens/create", TOKENS_PATH, RetryRule.NOT_SENT, AnswerRule.AS_IS);

	/** {@code GET /v1/tokens}: a read, retried on every transient failure. */
	static final Operation LIST = new Operation("tokens/list", TOKENS_PATH, RetryRule.TRANSIENT, AnswerRule.AS_IS);

	/**
	 * {@code DELETE /v1/tokens/{id}}: retried on every transient failure, and done on a
	 * {@code 404} after an attempt whose answer was lost.
	 */
	static final Operation DELETE = new Operation("tokens/delete", TOKEN_PATH, RetryRule.TRANSIENT,
			AnswerRule.GONE_AFTER_LOST_ANSWER);

	private final ApiCalls calls;

	private final ClientOptions settings;

	// the listing's URL, made once: the create's URL and the base of every page link
	private final URI tokens;

	private final String tokensUrl;

	private final PageLinks pageLinks;

	private final TokenPages pages;

	WebClientTokensClient(ClientOptions settings, ClientResources resources) {
		this(new ApiCalls(settings, resources));
	}

	/**
	 * Creates the Tokens API area of a client, over the client's calls.
	 */
	WebClientTokensClient(ApiCalls calls) {
		this.calls = calls;
		this.settings = calls.options();
		this.tokens = calls.expand(TOKENS_PATH);
		this.tokensUrl = this.tokens.toString();
		this.pageLinks = new PageLinks(this.settings.baseUrl(), this.settings.rebasePageLinks());
		this.pages = new TokenPages(this.pageLinks, this.settings.maxPages(), this.settings.paginationConcurrency(),
				this.tokens, this::retrievePage);
	}

	@Override
	public Mono<Token> create(CreateTokenRequest request) {
		if (request == null) {
			return Mono.error(new LagrelloInvalidArgumentException("request", "request must not be null"));
		}
		return this.calls.call(CREATE, HttpMethod.POST, this.tokens, request, Token.class);
	}

	@Override
	public Mono<TokenList> listPage(int page, int size) {
		if (page < 0) {
			return Mono.error(new LagrelloInvalidArgumentException("page", "page must be 0 or more, but is " + page));
		}
		LagrelloInvalidArgumentException refused = refusedPageSize(size);
		if (refused != null) {
			return Mono.error(refused);
		}
		// the base URL is already encoded and the rest is digits: no URI builder needed
		return retrievePage(URI.create(this.tokensUrl + "?page=" + page + "&size=" + size), PageTurn.NOW);
	}

	@Override
	public Flux<Token> listAll() {
		return listAll(this.settings.pageSize());
	}

	@Override
	public Flux<Token> listAll(int pageSize) {
		LagrelloInvalidArgumentException refused = refusedPageSize(pageSize);
		return (refused != null) ? Flux.error(refused) : this.pages.tokensFrom(firstPage(pageSize));
	}

	@Override
	public Flux<TokenList> listPages(int pageSize) {
		LagrelloInvalidArgumentException refused = refusedPageSize(pageSize);
		return (refused != null) ? Flux.error(refused) : this.pages.pagesFrom(firstPage(pageSize));
	}

	@Override
	public Flux<TokenList> listPagesFrom(String nextLink) {
		if (nextLink == null || nextLink.isBlank()) {
			return Flux.error(new LagrelloInvalidArgumentException("nextLink", "nextLink must not be blank"));
		}
		return Flux.defer(() -> this.pages.pagesFrom(this.pageLinks.resolve(nextLink)));
	}

	/**
	 * The first page without a page parameter: the server's own first page.
	 */
	private URI firstPage(int pageSize) {
		return URI.create(this.tokensUrl + "?size=" + pageSize);
	}

	/**
	 * Deletes a token. A {@code 404} to a retry that followed an attempt which may have
	 * reached the server (closed before any answer, {@code 502}, {@code 503},
	 * {@code 504}) completes the call: that attempt most likely deleted the token and its
	 * answer was lost ({@link AnswerRule#GONE_AFTER_LOST_ANSWER}).
	 */
	@Override
	public Mono<Void> delete(String tokenId) {
		return ApiCalls.checked(() -> deleteChecked(Arguments.tokenId(tokenId)));
	}

	private Mono<Void> deleteChecked(String tokenId) {
		SecretUrl url = SecretUrl.of(this.calls.template(TOKEN_PATH), tokenId, Secrets.mask(tokenId));
		return this.calls.call(DELETE,
				(attempt) -> Mono.deferContextual((context) -> isAccessTokenOfBatch(context, tokenId)
						? Mono.error(new LagrelloException("tokens/delete was not sent: the token to delete is an "
								+ "access token the client authenticated with during this deleteAll"))
						: this.calls.exchange(DELETE, attempt, HttpMethod.DELETE, url, tokenId, Void.class)));
	}

	/**
	 * Whether a delete would revoke an access token the batch it belongs to used, this
	 * attempt's included, which has recorded its token already.
	 */
	private static boolean isAccessTokenOfBatch(ContextView context, String tokenId) {
		BatchAccessTokens batch = BatchAccessTokens.of(context);
		return batch != null && batch.contains(tokenId);
	}

	@Override
	public Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter) {
		return deleteAll(filter, null);
	}

	/**
	 * Deletes the tokens that match, bounded as a whole by the call timeout when one is
	 * given (the blocking {@code deleteAll}), else each of its calls by its own.
	 */
	private Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter, @Nullable Duration callTimeout) {
		return new BulkDelete(this, this.settings.bulkConcurrency(), callTimeout).deleteAll(filter,
				() -> this.calls.currentAccessToken("deleteAll"));
	}

	@Override
	public BlockingTokensClient blocking() {
		return blocking(this.settings.callTimeout());
	}

	/**
	 * Returns this client for blocking code with the given call timeout: over a client
	 * derived with that call timeout (sharing this one's connections, open state and
	 * retry budget) when it differs from this client's. Its {@code deleteAll} is bounded
	 * as a whole and tells what it deleted before the time ran out.
	 * @param callTimeout the longest time one call may take, positive and at most a day
	 * @return the blocking face of this client
	 * @throws LagrelloInvalidArgumentException if the call timeout is not positive or
	 * longer than a day
	 */
	@Override
	public BlockingTokensClient blocking(Duration callTimeout) {
		WebClientTokensClient bounded = (callTimeout != null && callTimeout.equals(this.settings.callTimeout())) ? this
				: mutate().callTimeout(callTimeout).build();
		Duration timeout = bounded.settings.callTimeout();
		return BlockingTokensClientAdapter.overOwnClient(bounded, timeout,
				(filter) -> bounded.deleteAll(filter, timeout));
	}

	@Override
	public TokensClientBuilder mutate() {
		return new TokensClientBuilder(this.settings, this.calls.resources());
	}

	/**
	 * Fetches a page, keeping to its turn in a drain: a page fetched ahead of its turn
	 * retries a failed attempt, or fails, only once its turn comes, and is cancelled if
	 * it never does; so it sends nothing more and records no failure the caller never
	 * sees.
	 */
	private Mono<TokenList> retrievePage(URI page, PageTurn turn) {
		Mono<TokenList> call = this.calls.call(LIST, HttpMethod.GET, page, null, TokenList.class);
		// a page in its turn is a call on its own (CallCoordination.NONE): no context
		return (turn == PageTurn.NOW) ? call
				: call.contextWrite(new CallCoordination(turn.onRetryAfter(), turn.due())::into);
	}

	/**
	 * The refusal of a page size, by the options' own check, or {@code null} if it is
	 * valid.
	 */
	private static @Nullable LagrelloInvalidArgumentException refusedPageSize(int size) {
		try {
			ClientOptions.checkPageSize(size);
			return null;
		}
		catch (LagrelloInvalidArgumentException refused) {
			return refused;
		}
	}

	/**
	 * Returns the URL the client sends its requests to.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.settings.baseUrl();
	}

	/**
	 * Closes the client, unless it was derived with {@link #mutate()} and shares its
	 * original's resources: calls made after closing (by this client and every client
	 * derived from it) fail with a {@link LagrelloException} and send nothing.
	 */
	@Override
	public void close() {
		this.calls.resources().close();
	}

	@Override
	public String toString() {
		return "WebClientTokensClient[baseUrl=" + this.settings.baseUrl() + "]";
	}

}
