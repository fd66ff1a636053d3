package com.lagrello.benchmarks;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practical limit: reactor-netty's {@link HttpClient} and Jackson 3 used directly,
 * decoding into the client's own records, with none of the client's features (no
 * timeouts, retries, error mapping, link checks or observations).
 */
public final class RawTokensClient {

	private final HttpClient http;

	private final URI baseUrl;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Creates a client on the given reactor-netty client, which decides pooling.
	 * @param http the reactor-netty client
	 * @param baseUrl the server's origin
	 * @param accessToken the bearer token
	 */
	public RawTokensClient(HttpClient http, URI baseUrl, String accessToken) {
		this.baseUrl = baseUrl;
		String authorization = "Bearer " + accessToken;
		this.http = http.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, authorization)
			.set(HttpHeaderNames.ACCEPT, "application/json"));
	}

	/**
	 * Fetches one page, as {@code listPage} does.
	 * @param page the page number
	 * @param size the page size
	 * @return the page
	 */
	public Mono<TokenList> listPage(int page, int size) {
		return fetch(this.baseUrl + "/v1/tokens?page=" + page + "&size=" + size);
	}

	/**
	 * Fetches the page at an absolute URL.
	 * @param url the page's URL
	 * @return the page
	 */
	public Mono<TokenList> fetch(String url) {
		return this.http.get().uri(url).responseSingle((response, body) -> {
			int status = response.status().code();
			if (status != 200) {
				return Mono.error(new IllegalStateException("GET " + url + " answered " + status));
			}
			return body.asByteArray().map((bytes) -> this.mapper.readValue(bytes, TokenList.class));
		});
	}

	/**
	 * Drains every page with a sequential loop: fetch a page, hand its tokens to the
	 * consumer, then fetch the page its {@code next} link names. The consumer runs on the
	 * thread that decoded the page, as nothing here hops threads.
	 * @param firstPageUrl the first page's URL
	 * @param consumer what to do with every token
	 * @return the number of tokens, when the last page is consumed
	 */
	public CompletableFuture<Long> drain(String firstPageUrl, Consumer<Token> consumer) {
		CompletableFuture<Long> done = new CompletableFuture<>();
		step(firstPageUrl, 0, consumer, done);
		return done;
	}

	private void step(String url, long tokensSoFar, Consumer<Token> consumer, CompletableFuture<Long> done) {
		TokenList[] received = new TokenList[1];
		// the answer arrives later on an event loop: this recursion does not grow the
		// stack
		fetch(url).subscribe((page) -> received[0] = page, done::completeExceptionally, () -> {
			TokenList page = received[0];
			if (page == null) {
				done.completeExceptionally(new IllegalStateException("GET " + url + " answered no page"));
				return;
			}
			try {
				page.data().forEach(consumer);
			}
			catch (RuntimeException ex) {
				done.completeExceptionally(ex);
				return;
			}
			long tokens = tokensSoFar + page.data().size();
			if (page.data().isEmpty() || !page.paging().hasNext()) {
				done.complete(tokens);
			}
			else {
				step(page.paging().next(), tokens, consumer, done);
			}
		});
	}

}
