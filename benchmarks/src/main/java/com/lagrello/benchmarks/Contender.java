package com.lagrello.benchmarks;

import java.net.URI;
import java.util.List;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * One way to call the Tokens API, as the benchmarks compare them. All three use
 * reactor-netty's global connection pool and event loops, so that they differ only above
 * the transport.
 */
public interface Contender extends AutoCloseable {

	/**
	 * Fetches one page.
	 * @param page the page number
	 * @param size the page size
	 * @return the page
	 */
	Mono<TokenList> listPage(int page, int size);

	/**
	 * Creates a token.
	 * @param request the token to create
	 * @return the created token
	 */
	Mono<Token> create(CreateTokenRequest request);

	/**
	 * Streams every token, one page request at a time, following {@code paging.next}.
	 * @param size the page size
	 * @return every token
	 */
	Flux<Token> drain(int size);

	@Override
	default void close() {
	}

	/**
	 * Creates a contender against the given server.
	 * @param kind which one
	 * @param baseUrl the server's origin
	 * @return the contender, to close after use
	 */
	static Contender of(Kind kind, URI baseUrl) {
		return switch (kind) {
			case tokensClient -> new Lagrello(baseUrl);
			case webClient -> new PlainWebClient(baseUrl);
			case reactorNetty -> new ReactorNetty(baseUrl);
		};
	}

	/** The contenders, named as the benchmarks' {@code client} parameter. */
	enum Kind {

		/** The Lagrello {@link TokensClient}. */
		tokensClient,
		/** A plain {@link WebClient} call, {@code bodyToMono(TokenList.class)}. */
		webClient,
		/** Reactor-netty's {@link HttpClient} and a Jackson 3 {@link JsonMapper}. */
		reactorNetty

	}

	/**
	 * The client under test, built as the brief of the benchmarks says.
	 */
	final class Lagrello implements Contender {

		private final WebClientTokensClient client;

		Lagrello(URI baseUrl) {
			this.client = TokensClient.builder()
				.baseUrl(baseUrl)
				.accessToken(PageServer.ACCESS_TOKEN)
				.webClientBuilder(WebClient.builder())
				.build();
		}

		@Override
		public Mono<TokenList> listPage(int page, int size) {
			return this.client.listPage(page, size);
		}

		@Override
		public Mono<Token> create(CreateTokenRequest request) {
			return this.client.create(request);
		}

		@Override
		public Flux<Token> drain(int size) {
			return this.client.listAll(size);
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

	/**
	 * What an application would write with a plain {@link WebClient}: no timeout, retry,
	 * error mapping or link checks.
	 */
	final class PlainWebClient implements Contender {

		private final WebClient webClient;

		PlainWebClient(URI baseUrl) {
			this.webClient = WebClient.builder().baseUrl(baseUrl.toString()).defaultHeaders((headers) -> {
				headers.setBearerAuth(PageServer.ACCESS_TOKEN);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			}).build();
		}

		@Override
		public Mono<TokenList> listPage(int page, int size) {
			return this.webClient.get()
				.uri("/v1/tokens?page={page}&size={size}", page, size)
				.retrieve()
				.bodyToMono(TokenList.class);
		}

		@Override
		public Mono<Token> create(CreateTokenRequest request) {
			return this.webClient.post()
				.uri("/v1/tokens")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(request)
				.retrieve()
				.bodyToMono(Token.class);
		}

		@Override
		public Flux<Token> drain(int size) {
			return this.webClient.get()
				.uri("/v1/tokens?size={size}", size)
				.retrieve()
				.bodyToMono(TokenList.class)
				.expand((page) -> hasNext(page) ? this.webClient.get()
					.uri(URI.create(page.paging().next()))
					.retrieve()
					.bodyToMono(TokenList.class) : Mono.empty())
				.concatMapIterable(TokenList::data);
		}

	}

	/**
	 * The practical limit: reactor-netty and Jackson 3 used directly, decoding into the
	 * client's records.
	 */
	final class ReactorNetty implements Contender {

		private final JsonMapper mapper = JsonMapper.builder().build();

		private final HttpClient http;

		ReactorNetty(URI baseUrl) {
			this.http = HttpClient.create()
				.baseUrl(baseUrl.toString())
				.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + PageServer.ACCESS_TOKEN)
					.set(HttpHeaderNames.ACCEPT, "application/json"));
		}

		@Override
		public Mono<TokenList> listPage(int page, int size) {
			return fetch("/v1/tokens?page=" + page + "&size=" + size);
		}

		@Override
		public Mono<Token> create(CreateTokenRequest request) {
			return this.http.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"))
				.post()
				.uri("/v1/tokens")
				.send(Mono.fromCallable(() -> Unpooled.wrappedBuffer(this.mapper.writeValueAsBytes(request))))
				.responseSingle((response, body) -> (response.status().code() != 201)
						? Mono.error(new IllegalStateException("create answered " + response.status()))
						: body.asByteArray().map((bytes) -> this.mapper.readValue(bytes, Token.class)));
		}

		@Override
		public Flux<Token> drain(int size) {
			return fetch("/v1/tokens?size=" + size)
				.expand((page) -> hasNext(page) ? fetch(page.paging().next()) : Mono.empty())
				.concatMapIterable(TokenList::data);
		}

		private Mono<TokenList> fetch(String url) {
			return this.http.get()
				.uri(url)
				.responseSingle((response, body) -> (response.status().code() != 200)
						? Mono.error(new IllegalStateException("GET " + url + " answered " + response.status()))
						: body.asByteArray().map((bytes) -> this.mapper.readValue(bytes, TokenList.class)));
		}

	}

	private static boolean hasNext(TokenList page) {
		return !page.data().isEmpty() && page.paging().hasNext();
	}

}
