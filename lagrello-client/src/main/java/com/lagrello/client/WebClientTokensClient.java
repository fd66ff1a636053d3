package com.lagrello.client;

import java.net.URI;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * {@link TokensClient} on Spring's {@link WebClient}. Immutable and thread-safe; build
 * one with {@link TokensClient#builder()}, derive one with {@link #mutate()}.
 * <p>
 * Every request is observed under a URI template ({@code /v1/tokens},
 * {@code /v1/tokens/{id}}), never the raw URL, so metrics and traces stay bounded, also
 * for pages reached through absolute {@code next} links. {@link #close()} releases the
 * client's read-timeout timer; the connections belong to the {@code WebClient}'s
 * connector.
 */
public final class WebClientTokensClient implements TokensClient, AutoCloseable {

	/** The request attribute WebClient reads the observed URI template from. */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	static final String TOKENS_PATH = "/v1/tokens";

	static final String TOKEN_PATH = "/v1/tokens/{id}";

	static final int MAX_PAGE_SIZE = 20;

	private final ClientSettings settings;

	private final ReadTimeouts timeouts;

	private final boolean ownsTimeouts;

	private final RetryAllowance retryAllowance;

	private final WebClient webClient;

	private final DefaultUriBuilderFactory uris;

	private final String tokensUrl;

	private final PageLinks pageLinks;

	private final TokenPages pages;

	private final Failures failures;

	private final OperationObservations observations;

	WebClientTokensClient(ClientSettings settings, ReadTimeouts timeouts, boolean ownsTimeouts,
			RetryAllowance retryAllowance) {
		this.settings = settings;
		this.timeouts = timeouts;
		this.ownsTimeouts = ownsTimeouts;
		this.retryAllowance = retryAllowance;
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(settings.baseUrl().toString());
		// the base URL is already encoded (ASCII): only the id is encoded, strictly, as
		// one segment
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		this.webClient = settings.webClientBuilder()
			.clone()
			.uriBuilderFactory(uris)
			.defaultHeaders((headers) -> headers.setAccept(List.of(MediaType.APPLICATION_JSON)))
			// request details would log the Authorization header
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			.filter(JsonByDefault.FILTER)
			// the last filter: every other one sees a token's key masked
			.filter(SecretPathSegment.FILTER)
			.build();
		this.uris = uris;
		this.tokensUrl = settings.baseUrl() + TOKENS_PATH;
		this.pageLinks = new PageLinks(settings.baseUrl(), settings.rebasePageLinks());
		this.pages = new TokenPages(this.pageLinks, settings.maxPages(), settings.pageConcurrency(), this.tokensUrl,
				this::retrievePage);
		this.failures = new Failures(settings.baseUrl(), settings.redactedSecrets());
		this.observations = new OperationObservations(settings.observationRegistry());
	}

	@Override
	public Mono<Token> create(CreateTokenRequest request) {
		if (request == null) {
			return Mono.error(new LagrelloInvalidArgumentException("request", "request must not be null"));
		}
		return call("tokens/create", false,
				(token) -> this.webClient.post()
					.uri(TOKENS_PATH)
					.attribute(URI_TEMPLATE_ATTRIBUTE, TOKENS_PATH)
					.httpRequest(bearer(token))
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(request)
					.retrieve()
					.onStatus(WebClientTokensClient::isNotSuccess,
							(response) -> ErrorAnswers.toException("tokens/create", response, token,
									this.settings.redactedSecrets()))
					.bodyToMono(Token.class)
					.switchIfEmpty(noBody("tokens/create")));
	}

	@Override
	public Mono<TokenList> listPage(int page, int size) {
		if (page < 0) {
			return Mono.error(new LagrelloInvalidArgumentException("page", "page must be 0 or more, but is " + page));
		}
		if (isInvalidPageSize(size)) {
			return Mono.error(invalidPageSize(size));
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
		if (isInvalidPageSize(pageSize)) {
			return Flux.error(invalidPageSize(pageSize));
		}
		return this.pages.tokensFrom(firstPage(pageSize));
	}

	@Override
	public Flux<TokenList> listPages(int pageSize) {
		if (isInvalidPageSize(pageSize)) {
			return Flux.error(invalidPageSize(pageSize));
		}
		return this.pages.pagesFrom(firstPage(pageSize));
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

	@Override
	public Mono<Void> delete(String tokenId) {
		return delete(tokenId, (retryAfter) -> {
		});
	}

	/**
	 * Deletes a token, reporting each {@code Retry-After} its attempts meet. A
	 * {@code 404} to a retry that followed an attempt which may have reached the server
	 * (closed before any answer, {@code 502}, {@code 503}, {@code 504}) completes the
	 * call: that attempt most likely deleted the token and its answer was lost.
	 */
	private Mono<Void> delete(String tokenId, Consumer<Duration> onRetryAfter) {
		if (tokenId == null || tokenId.isBlank()) {
			return Mono.error(new LagrelloInvalidArgumentException("tokenId", "tokenId must not be blank"));
		}
		if (tokenId.equals(".") || tokenId.equals("..")) {
			return Mono.error(new LagrelloInvalidArgumentException("tokenId",
					"tokenId must not be a dot segment, which would address another path"));
		}
		return Mono.defer(() -> {
			AtomicBoolean mayHaveBeenApplied = new AtomicBoolean();
			Consumer<Throwable> attemptFailed = (failure) -> {
				if (mayHaveReachedTheServer(failure)) {
					mayHaveBeenApplied.set(true);
				}
			};
			URI url = this.uris.expand(TOKEN_PATH, tokenId);
			SecretPathSegment key = SecretPathSegment.of(url, tokenId);
			return call("tokens/delete", true, onRetryAfter, attemptFailed,
					(token) -> Mono.deferContextual((context) -> isAccessTokenOfBatch(context, tokenId)
							? Mono.error(new LagrelloException("tokens/delete was not sent: the token to delete is an "
									+ "access token the client authenticated with during this deleteAll"))
							: this.webClient.delete()
								.uri(key.mask(url))
								.attribute(SecretPathSegment.ATTRIBUTE, key)
								.attribute(URI_TEMPLATE_ATTRIBUTE, TOKEN_PATH)
								.httpRequest(bearer(token))
								.retrieve()
								.onStatus(WebClientTokensClient::isNotSuccess,
										(response) -> ErrorAnswers.toException("tokens/delete", response, token,
												this.settings.redactedSecrets(tokenId, key.real())))
								.toBodilessEntity()
								.then()),
					(deleted) -> deleted.onErrorResume((failure) -> mayHaveBeenApplied.get() && isNotFound(failure),
							(notFound) -> Mono.empty()));
		});
	}

	/**
	 * Whether a delete would revoke an access token the batch it belongs to used, this
	 * attempt's included, which has recorded its token already.
	 */
	private static boolean isAccessTokenOfBatch(ContextView context, String tokenId) {
		BatchAccessTokens batch = BatchAccessTokens.of(context);
		return batch != null && batch.contains(tokenId);
	}

	private static boolean mayHaveReachedTheServer(Throwable failure) {
		if (failure instanceof LagrelloTransportException transport) {
			return transport.requestSent();
		}
		if (failure instanceof LagrelloApiException api) {
			int status = api.statusCode();
			return status == 502 || status == 503 || status == 504;
		}
		return false;
	}

	private static boolean isNotFound(Throwable failure) {
		return failure instanceof LagrelloApiException api && api.statusCode() == 404;
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
		return new BulkDelete(this, this::delete, this.settings.bulkConcurrency(), callTimeout).deleteAll(filter,
				() -> currentAccessToken("deleteAll"));
	}

	@Override
	public BlockingTokensClient blocking() {
		return blocking(this.settings.callTimeout());
	}

	/**
	 * Returns this client for blocking code with the given call timeout: over a client
	 * derived with that call timeout (sharing this one's connections, timer and retry
	 * budget) when it differs from this client's. Its {@code deleteAll} is bounded as a
	 * whole and tells what it deleted before the time ran out.
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
		return new TokensClientBuilder(this.settings, this.timeouts, this.retryAllowance);
	}

	/**
	 * Fetches a page, keeping to its turn in a drain: a page fetched ahead of its turn
	 * retries a failed attempt, or fails, only once its turn comes, and is cancelled if
	 * it never does; so it sends nothing more and records no failure the caller never
	 * sees.
	 */
	private Mono<TokenList> retrievePage(URI page, PageTurn turn) {
		Function<String, Mono<TokenList>> exchange = (token) -> this.webClient.get()
			.uri(page)
			.attribute(URI_TEMPLATE_ATTRIBUTE, TOKENS_PATH)
			.httpRequest(bearer(token))
			.retrieve()
			.onStatus(WebClientTokensClient::isNotSuccess,
					(response) -> ErrorAnswers.toException("tokens/list", response, token,
							this.settings.redactedSecrets()))
			.bodyToMono(TokenList.class)
			.switchIfEmpty(noBody("tokens/list"));
		if (turn == PageTurn.NOW) {
			// nothing to wait for: no operator on the way of every page
			return call("tokens/list", true, exchange);
		}
		return call("tokens/list", true, turn.onRetryAfter(), (failure) -> {
		}, turn.due(), exchange, (answer) -> answer.onErrorResume((failure) -> turn.due().then(Mono.error(failure))));
	}

	/**
	 * One call: every attempt asks for the current access token, is bounded by the read
	 * timeout and has its failure translated; transient failures are retried.
	 */
	private <T> Mono<T> call(String operation, boolean idempotent, Function<String, Mono<T>> exchange) {
		return call(operation, idempotent, (retryAfter) -> {
		}, (failure) -> {
		}, exchange, Function.identity());
	}

	/**
	 * One call: every attempt asks for the current access token, is bounded by the read
	 * timeout and has its failure translated; transient failures are retried; the whole
	 * is bounded by the call timeout, after which nothing more is sent. The outcome
	 * function may turn the call's failure into its result (a delete whose answer was
	 * lost), inside the call's observation, which so records what the caller sees.
	 */
	private <T> Mono<T> call(String operation, boolean idempotent, Consumer<Duration> onRetryAfter,
			Consumer<Throwable> onAttemptFailure, Function<String, Mono<T>> exchange,
			Function<Mono<T>, Mono<T>> outcome) {
		return call(operation, idempotent, onRetryAfter, onAttemptFailure, null, exchange, outcome);
	}

	/**
	 * One call as above, whose retries (not its first attempt) wait for the given
	 * publisher, after their back-off, when there is one.
	 */
	private <T> Mono<T> call(String operation, boolean idempotent, Consumer<Duration> onRetryAfter,
			Consumer<Throwable> onAttemptFailure, @Nullable Mono<Void> beforeRetry, Function<String, Mono<T>> exchange,
			Function<Mono<T>, Mono<T>> outcome) {
		Duration callTimeout = this.settings.callTimeout();
		return this.observations.observe(operation, (trace) -> {
			long deadline = TransientFailureRetry.now() + callTimeout.toNanos();
			this.retryAllowance.recordCall();
			Mono<T> attempt = Mono.deferContextual((context) -> {
				trace.attemptStarted();
				String token = currentAccessToken(operation);
				// before it is sent: a bulk delete never deletes a token it authenticates
				// with
				BatchAccessTokens.record(context, token);
				return withinTimeouts(operation, exchange.apply(token), deadline).onErrorMap((failure) -> {
					Throwable translated = this.failures.translate(operation, failure, token);
					onAttemptFailure.accept(translated);
					return translated;
				});
			});
			return outcome.apply(new TransientFailureRetry(this.settings.retryPolicy(), operation, idempotent, deadline,
					callTimeout, onRetryAfter, this.retryAllowance, trace)
				.retrying((beforeRetry != null) ? retriesAfter(beforeRetry, attempt) : attempt));
		});
	}

	/**
	 * The attempt, subscribed at once the first time and after the given publisher every
	 * time after.
	 */
	private static <T> Mono<T> retriesAfter(Mono<Void> beforeRetry, Mono<T> attempt) {
		AtomicBoolean first = new AtomicBoolean(true);
		return Mono.defer(() -> first.getAndSet(false) ? attempt : beforeRetry.then(attempt));
	}

	/**
	 * Bounds an attempt by one timer: the read timeout, or what is left of the call
	 * timeout when that is shorter. The waits between attempts never pass the deadline
	 * (the retry gives up first), so no timer of the whole call is needed. A fallback,
	 * not {@code timeout(Publisher)} alone, which names the whole chain on every call.
	 */
	private <T> Mono<T> withinTimeouts(String operation, Mono<T> exchange, long deadline) {
		Duration readTimeout = this.settings.readTimeout();
		long left = deadline - TransientFailureRetry.now();
		if (left >= readTimeout.toNanos()) {
			return exchange.timeout(this.timeouts.after(readTimeout),
					Mono.error(() -> LagrelloTimeoutException.readTimeout(operation, readTimeout)));
		}
		Duration callTimeout = this.settings.callTimeout();
		return exchange.timeout(this.timeouts.after(Duration.ofNanos(Math.max(left, 0))), Mono.error(
				() -> LagrelloTimeoutException.callTimeout(operation, callTimeout, "ran out before the answer came")));
	}

	private String currentAccessToken(String operation) {
		String token;
		try {
			token = this.settings.accessToken().get();
		}
		catch (RuntimeException ex) {
			// its message may hold what the supplier holds: the class only, the cause
			// kept
			throw new LagrelloException(
					operation + " was not sent: the access token supplier failed (" + ex.getClass().getName() + ")",
					ex);
		}
		if (token == null || token.isBlank()) {
			throw new LagrelloException(operation + " was not sent: the access token supplier gave a blank token");
		}
		// what the server compares, which trims the header: the guards compare the same
		return token.strip();
	}

	/**
	 * Sets the token on the request as it is written, rather than among the request's
	 * headers: no header map is copied per request, and no filter sees the token.
	 */
	private static Consumer<ClientHttpRequest> bearer(String token) {
		return (request) -> request.getHeaders().setBearerAuth(token);
	}

	private static <T> Mono<T> noBody(String operation) {
		return Mono.error(() -> new LagrelloDecodingException(operation + " failed: the answer had no body", null));
	}

	private static boolean isNotSuccess(HttpStatusCode status) {
		return !status.is2xxSuccessful();
	}

	private static boolean isInvalidPageSize(int size) {
		return size < 1 || size > MAX_PAGE_SIZE;
	}

	private static LagrelloInvalidArgumentException invalidPageSize(int size) {
		return new LagrelloInvalidArgumentException("pageSize",
				"page size must be from 1 to " + MAX_PAGE_SIZE + ", but is " + size);
	}

	/**
	 * Returns the URL the client sends its requests to.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.settings.baseUrl();
	}

	/**
	 * Releases the read-timeout timer, unless this client was derived with
	 * {@link #mutate()} and shares its original's. Calls made after closing fail.
	 */
	@Override
	public void close() {
		if (this.ownsTimeouts) {
			this.timeouts.close();
		}
	}

	@Override
	public String toString() {
		return "WebClientTokensClient[baseUrl=" + this.settings.baseUrl() + "]";
	}

}
