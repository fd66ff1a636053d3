package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link TokensClient} on Spring's {@link WebClient}. Immutable and thread-safe; build
 * one with {@link TokensClient#builder()}.
 * <p>
 * Every request is observed under a URI template ({@code /v1/tokens},
 * {@code /v1/tokens/{id}}), never the raw URL, so metrics and traces stay bounded, also
 * for pages reached through absolute {@code next} links.
 */
public final class WebClientTokensClient implements TokensClient {

	/** The request attribute WebClient reads the observed URI template from. */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	static final String TOKENS_PATH = "/v1/tokens";

	static final String TOKEN_PATH = "/v1/tokens/{id}";

	static final int MAX_PAGE_SIZE = 20;

	private final WebClient webClient;

	private final URI baseUrl;

	private final Duration readTimeout;

	private final RetryPolicy retryPolicy;

	private final int pageSize;

	private final int maxPages;

	private final String tokensUrl;

	private final PageLinks pageLinks;

	private final Failures failures;

	private final ErrorAnswers errorAnswers;

	WebClientTokensClient(WebClient webClient, URI baseUrl, String accessToken, Duration readTimeout,
			RetryPolicy retryPolicy, int pageSize, int maxPages) {
		this.webClient = webClient;
		this.baseUrl = baseUrl;
		this.readTimeout = readTimeout;
		this.retryPolicy = retryPolicy;
		this.pageSize = pageSize;
		this.maxPages = maxPages;
		this.tokensUrl = baseUrl + TOKENS_PATH;
		this.pageLinks = new PageLinks(baseUrl);
		this.failures = new Failures(baseUrl, readTimeout, accessToken);
		this.errorAnswers = new ErrorAnswers(accessToken);
	}

	@Override
	public Mono<Token> create(CreateTokenRequest request) {
		if (request == null) {
			return Mono.error(new LagrelloInvalidArgumentException("request", "request must not be null"));
		}
		Mono<Token> exchange = this.webClient.post()
			.uri(TOKENS_PATH)
			.attribute(URI_TEMPLATE_ATTRIBUTE, TOKENS_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.retrieve()
			.onStatus(WebClientTokensClient::isNotSuccess,
					(response) -> this.errorAnswers.toException("tokens/create", response))
			.bodyToMono(Token.class)
			.switchIfEmpty(noBody("tokens/create"));
		return resilient("tokens/create", retry("tokens/create", false), exchange);
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
		return retrievePage(URI.create(this.tokensUrl + "?page=" + page + "&size=" + size),
				retry("tokens/list", true));
	}

	@Override
	public Flux<Token> listAll() {
		return listAll(this.pageSize);
	}

	@Override
	public Flux<Token> listAll(int pageSize) {
		if (isInvalidPageSize(pageSize)) {
			return Flux.error(invalidPageSize(pageSize));
		}
		Retry retry = retry("tokens/list", true);
		return PagedTokenFlux.of(firstPage(pageSize), (page) -> retrievePage(page, retry), this.pageLinks,
				this.maxPages);
	}

	@Override
	public Mono<Void> delete(String tokenId) {
		if (tokenId == null || tokenId.isBlank()) {
			return Mono.error(new LagrelloInvalidArgumentException("tokenId", "tokenId must not be blank"));
		}
		if (tokenId.equals(".") || tokenId.equals("..")) {
			return Mono.error(new LagrelloInvalidArgumentException("tokenId",
					"tokenId must not be a dot segment, which would address another path"));
		}
		Mono<Void> exchange = this.webClient.delete()
			.uri(TOKEN_PATH, tokenId)
			.attribute(URI_TEMPLATE_ATTRIBUTE, TOKEN_PATH)
			.retrieve()
			.onStatus(WebClientTokensClient::isNotSuccess,
					(response) -> this.errorAnswers.toException("tokens/delete", response))
			.toBodilessEntity()
			.then();
		return resilient("tokens/delete", retry("tokens/delete", true), exchange);
	}

	/**
	 * Asks for the first page of one token ({@code GET /v1/tokens?size=1}), once: no
	 * retry, so that a health probe reports what the API answered within its own
	 * timeout instead of waiting out back-offs and {@code Retry-After} hints.
	 * @return the first page, or the failure as a {@link LagrelloException}
	 */
	public Mono<TokenList> probe() {
		return retrievePage(firstPage(1), new TransientFailureRetry(RetryPolicy.NONE, "tokens/list", true));
	}

	private URI firstPage(int size) {
		return URI.create(this.tokensUrl + "?size=" + size);
	}

	private Mono<TokenList> retrievePage(URI page, Retry retry) {
		Mono<TokenList> exchange = this.webClient.get()
			.uri(page)
			.attribute(URI_TEMPLATE_ATTRIBUTE, TOKENS_PATH)
			.retrieve()
			.onStatus(WebClientTokensClient::isNotSuccess,
					(response) -> this.errorAnswers.toException("tokens/list", response))
			.bodyToMono(TokenList.class)
			.switchIfEmpty(noBody("tokens/list"));
		return resilient("tokens/list", retry, exchange);
	}

	private Retry retry(String operation, boolean idempotent) {
		return new TransientFailureRetry(this.retryPolicy, operation, idempotent);
	}

	/**
	 * Bounds every attempt by the read timeout, translates failures and retries the
	 * transient ones.
	 */
	private <T> Mono<T> resilient(String operation, Retry retry, Mono<T> exchange) {
		Function<Throwable, Throwable> translate = (failure) -> this.failures.translate(operation, failure);
		return exchange.timeout(ReadTimeouts.after(this.readTimeout)).onErrorMap(translate).retryWhen(retry);
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
		return this.baseUrl;
	}

	@Override
	public String toString() {
		return "WebClientTokensClient[baseUrl=" + this.baseUrl + "]";
	}

}
