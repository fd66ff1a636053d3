package com.lagrello.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The three ways to fetch a page that the benchmarks compare, all on one reactor-netty
 * {@link HttpClient} (one connection pool, the global event loops), so that they differ
 * only above the transport: the {@link TokensClient}, a plain {@link WebClient} call, and
 * the {@link RawTokensClient raw} reactor-netty + Jackson limit.
 * <p>
 * The pool allows twice as many connections as requests in flight, so that an acquire
 * never waits (a pool from {@link ConnectionProvider#builder(String)} allows 16 on this
 * machine unless told otherwise): an acquire that waits schedules its timeout on
 * Reactor's parallel scheduler, which wakes a parallel thread. With exactly 64
 * connections, the next request of a closed loop often asks for a connection just before
 * its previous one is released, and that cost (about 0.8 parallel-thread wake-ups per
 * request, measured) fell on every contender but the {@code TokensClient}, whose own read
 * timeouts keep that scheduler's queue non-empty.
 */
public final class Contenders implements AutoCloseable {

	/** The most concurrent requests a benchmark sends. */
	public static final int MAX_CONCURRENCY = 64;

	/** The connections the pool may open. */
	public static final int MAX_CONNECTIONS = 2 * MAX_CONCURRENCY;

	private final ConnectionProvider connections;

	private final TokensClient tokensClient;

	private final WebClient webClient;

	private final RawTokensClient raw;

	/**
	 * Creates the contenders for the server at the given origin.
	 * @param baseUrl the server's origin
	 * @param accessToken the bearer token
	 */
	public Contenders(URI baseUrl, String accessToken) {
		this.connections = ConnectionProvider.builder("lagrello-bench")
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
		HttpClient http = HttpClient.create(this.connections);
		this.tokensClient = TokensClient.builder()
			.webClientBuilder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)))
			.baseUrl(baseUrl)
			.accessToken(accessToken)
			.build();
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.baseUrl(baseUrl.toString())
			.defaultHeaders((headers) -> {
				headers.setBearerAuth(accessToken);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			})
			.build();
		this.raw = new RawTokensClient(http, baseUrl, accessToken);
	}

	/**
	 * Returns the client under test.
	 * @return the Lagrello client
	 */
	public TokensClient tokensClient() {
		return this.tokensClient;
	}

	/**
	 * Returns the raw reactor-netty + Jackson client.
	 * @return the raw client
	 */
	public RawTokensClient raw() {
		return this.raw;
	}

	/**
	 * Fetches a page with a plain {@link WebClient} call,
	 * {@code bodyToMono(TokenList.class)}.
	 * @param page the page number
	 * @param size the page size
	 * @return the page
	 */
	public Mono<TokenList> webClientPage(int page, int size) {
		return this.webClient.get()
			.uri("/v1/tokens?page={page}&size={size}", page, size)
			.retrieve()
			.bodyToMono(TokenList.class);
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

}
