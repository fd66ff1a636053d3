package com.lagrello.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpMethod;

/**
 * A stateful, in-memory fake of the Lagrello Tokens API on a real socket, for tests and
 * demos. It listens on {@code 127.0.0.1}, on a free port unless told otherwise.
 * <pre class="code">
 * try (FakeLagrelloServer lagrello = FakeLagrelloServer.builder().seedTokens(3).start()) {
 *     TokensClient tokens = TokensClient.builder()
 *         .baseUrl(lagrello.baseUrl())
 *         .accessToken(lagrello.adminToken())
 *         .build();
 *     ...
 *     assertThat(lagrello.requests()).extracting(RecordedRequest::method).containsExactly("GET");
 * }
 * </pre> It answers as the API does:
 * <ul>
 * <li>every request needs {@code Authorization: Bearer <token>} of a token it holds:
 * {@code 401} when the header is missing or malformed, {@code 403} for an unknown
 * token;</li>
 * <li>{@code POST /v1/tokens} needs a token with {@code ADMIN}, takes
 * {@code {"tokenName": ..., "permissions": [...]}} (name 1 to 128 characters; READ, WRITE
 * or ADMIN), always grants {@code READ}, and answers {@code 200} with the new token,
 * whose key can authenticate from then on;</li>
 * <li>{@code GET /v1/tokens?page=&size=} pages the tokens in creation order: page from 0
 * (the first when absent), size from 1 to 20 (20 when absent), with absolute
 * {@code paging.next} and {@code paging.previous} links on {@link #baseUrl()}, or
 * {@code null};</li>
 * <li>{@code DELETE /v1/tokens/{id}} needs {@code ADMIN} and answers {@code 204}, or
 * {@code 404} for an unknown token;</li>
 * <li>anything else is {@code 404} ({@code 405} for another method on a known path);
 * invalid input is {@code 400}.</li>
 * </ul>
 * Every error answer has the API's {@code Error} body, {@code {"errorType": ...,
 * "message": ...}}, with the types {@code UNAUTHORIZED}, {@code FORBIDDEN},
 * {@code BAD_REQUEST}, {@code NOT_FOUND} and {@code METHOD_NOT_ALLOWED}.
 * <p>
 * It fails on purpose when told to, see {@link #failNext(int, FakeFault)}:
 * <pre class="code">
 * lagrello.failNext(HttpMethod.GET, 2, FakeFault.status(503).retryAfter(Duration.ofSeconds(1)));
 * </pre>
 * <p>
 * It starts with an admin token (READ, WRITE and ADMIN) and the generated tokens asked
 * for; {@link #reset()} goes back to exactly those. It records every request it receives,
 * see {@link #requests()}. It is thread-safe.
 */
public final class FakeLagrelloServer implements AutoCloseable {

	/** Name of the admin token, also the {@code createdBy} of what it creates. */
	public static final String ADMIN_TOKEN_NAME = "admin";

	private final int requestedPort;

	private final String adminToken;

	private final TokenStore store;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final TokensApi api;

	private final PlannedFaults faults = new PlannedFaults();

	private volatile @Nullable DisposableServer server;

	private FakeLagrelloServer(Builder builder) {
		this.requestedPort = builder.port;
		this.adminToken = (builder.adminToken != null) ? builder.adminToken : UUID.randomUUID().toString();
		List<Token> initial = new ArrayList<>();
		initial.add(TokenStore.newToken(this.adminToken, ADMIN_TOKEN_NAME, "lagrello",
				List.of(Permission.WRITE, Permission.ADMIN)));
		for (int i = 1; i <= builder.seedTokens; i++) {
			initial.add(TokenStore.newToken("token-" + i, ADMIN_TOKEN_NAME, List.of()));
		}
		this.store = new TokenStore(initial);
		this.api = new TokensApi(this.store, this::baseUrl);
	}

	/**
	 * Starts configuring a server.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts listening, unless it already does.
	 * @return this server
	 */
	public synchronized FakeLagrelloServer start() {
		if (this.server == null) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(this.requestedPort)
				.handle(this::handle)
				.bindNow(Duration.ofSeconds(10));
		}
		return this;
	}

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			// Answering on another thread than the connection's event loop: reactor-netty
			// 1.3.6 can stop reading a keep-alive connection after a response that
			// completes synchronously (reactor/reactor-netty#4361).
			.publishOn(Schedulers.boundedElastic())
			.flatMap((body) -> {
				RecordedRequest recorded = record(request, body);
				this.requests.add(recorded);
				return respond(recorded, this.faults.take(recorded.method()), response);
			});
	}

	private Mono<Void> respond(RecordedRequest request, @Nullable FakeFault fault, HttpServerResponse response) {
		if (fault == null) {
			return answer(request).flatMap((answer) -> answer.writeTo(response));
		}
		return switch (fault.kind()) {
			case STATUS -> this.api.fault(fault.statusCode(), fault.retryAfterSeconds()).writeTo(response);
			case DELAY -> Mono.delay(fault.delay()).then(answer(request)).flatMap((answer) -> answer.writeTo(response));
			case CONNECTION_RESET -> closeUnanswered(response);
			case RESPONSE_LOST -> answer(request).then(closeUnanswered(response));
		};
	}

	private Mono<Answer> answer(RecordedRequest request) {
		return Mono.fromCallable(() -> this.api.answer(request))
			.onErrorResume((ex) -> Mono.just(Answer.of(500,
					"{\"errorType\":\"INTERNAL_ERROR\",\"message\":\"The fake Lagrello server failed\"}")));
	}

	/**
	 * Closes the connection with nothing written. The handler never completes: closing
	 * the connection ends it, and completing would try to write an answer.
	 */
	private static Mono<Void> closeUnanswered(HttpServerResponse response) {
		return Mono.defer(() -> {
			response.withConnection((connection) -> connection.channel().close());
			return Mono.never();
		});
	}

	private static RecordedRequest record(HttpServerRequest request, String body) {
		String target = request.uri();
		int query = target.indexOf('?');
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>())
				.add(header.getValue()));
		return new RecordedRequest(request.method().name(), (query < 0) ? target : target.substring(0, query),
				(query < 0) ? null : target.substring(query + 1), headers, body);
	}

	/**
	 * Stops listening. The tokens and recorded requests are kept.
	 */
	@Override
	public synchronized void close() {
		DisposableServer running = this.server;
		if (running != null) {
			this.server = null;
			running.disposeNow(Duration.ofSeconds(5));
		}
	}

	/**
	 * Whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public int port() {
		DisposableServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("The fake Lagrello server is not running: call start() first");
		}
		return running.port();
	}

	/**
	 * Returns the server's origin, to use as {@code lagrello.base-url}.
	 * @return for example {@code http://127.0.0.1:54321}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port());
	}

	/**
	 * Returns the key of the admin token (READ, WRITE and ADMIN), to use as
	 * {@code lagrello.access-token}.
	 * @return the admin token
	 */
	public String adminToken() {
		return this.adminToken;
	}

	/**
	 * Returns a client of this server that authenticates with the admin token.
	 * @return a new client
	 * @throws IllegalStateException if the server is not running
	 */
	public TokensClient tokensClient() {
		return TokensClient.builder().baseUrl(baseUrl()).accessToken(this.adminToken).build();
	}

	/**
	 * Adds a token as if the admin token had created it, {@code READ} included.
	 * @param tokenName the token's name
	 * @param permissions further permissions, possibly ones the API does not know (yet)
	 * @return the token, whose key can authenticate
	 */
	public Token addToken(String tokenName, Permission... permissions) {
		return this.store.add(TokenStore.newToken(tokenName, ADMIN_TOKEN_NAME, List.of(permissions)));
	}

	/**
	 * Adds a token exactly as given, for example with a key of your choice or without
	 * {@code READ}.
	 * @param token the token
	 * @return the token
	 * @throws IllegalArgumentException if a token with the same key exists
	 */
	public Token addToken(Token token) {
		return this.store.add(token);
	}

	/**
	 * Removes a token, as if it had been deleted through the API.
	 * @param tokenKey the token's key
	 * @return whether there was such a token
	 */
	public boolean removeToken(String tokenKey) {
		return this.store.remove(tokenKey);
	}

	/**
	 * Returns the current tokens in creation order, which is their listing order.
	 * @return a snapshot of the tokens
	 */
	public List<Token> tokens() {
		return this.store.all();
	}

	/**
	 * Returns a token by its key.
	 * @param tokenKey the token's key
	 * @return the token, if the server holds it
	 */
	public Optional<Token> token(String tokenKey) {
		return Optional.ofNullable(this.store.find(tokenKey));
	}

	/**
	 * Goes back to the tokens the server started with (the admin token and the seeded
	 * ones, with the same keys) and forgets the recorded requests and the planned faults.
	 */
	public void reset() {
		this.store.reset();
		this.requests.clear();
		this.faults.clear();
	}

	/**
	 * Plans a fault for the next requests, whatever their method: each of the next
	 * {@code times} requests that no earlier plan takes meets it instead of its normal
	 * answer. Plans are used up in the order they were added; a request that meets a
	 * fault is recorded like any other.
	 * @param times how many requests meet the fault, at least 1
	 * @param fault the fault
	 */
	public void failNext(int times, FakeFault fault) {
		this.faults.add(null, times, fault);
	}

	/**
	 * Plans a fault for the next requests with that method, as
	 * {@link #failNext(int, FakeFault)} does.
	 * @param method the HTTP method the requests have
	 * @param times how many requests meet the fault, at least 1
	 * @param fault the fault
	 */
	public void failNext(HttpMethod method, int times, FakeFault fault) {
		if (method == null) {
			throw new IllegalArgumentException("method must not be null");
		}
		this.faults.add(method.name(), times, fault);
	}

	/**
	 * Forgets the planned faults that no request has met yet.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Returns the requests received so far, in order of arrival, whatever was answered. A
	 * request is recorded before its answer is sent.
	 * @return a snapshot of the requests
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Forgets the recorded requests.
	 */
	public void clearRequests() {
		this.requests.clear();
	}

	@Override
	public String toString() {
		DisposableServer running = this.server;
		return "FakeLagrelloServer[" + ((running != null) ? "http://127.0.0.1:" + running.port() : "stopped") + "]";
	}

	/**
	 * Configures a {@link FakeLagrelloServer}.
	 */
	public static final class Builder {

		private @Nullable String adminToken;

		private int seedTokens;

		private int port;

		private Builder() {
		}

		/**
		 * Sets the key of the admin token; a random UUID by default.
		 * @param adminToken the key, without whitespace
		 * @return this builder
		 */
		public Builder adminToken(String adminToken) {
			if (adminToken == null || adminToken.isEmpty() || adminToken.chars().anyMatch(Character::isWhitespace)) {
				throw new IllegalArgumentException("The admin token must be non-empty and without whitespace");
			}
			this.adminToken = adminToken;
			return this;
		}

		/**
		 * Sets how many tokens to generate besides the admin token, none by default. They
		 * are named {@code token-1}, {@code token-2}, ... and have {@code READ}.
		 * @param seedTokens the number of tokens
		 * @return this builder
		 */
		public Builder seedTokens(int seedTokens) {
			if (seedTokens < 0) {
				throw new IllegalArgumentException("seedTokens must be 0 or more, but is " + seedTokens);
			}
			this.seedTokens = seedTokens;
			return this;
		}

		/**
		 * Sets the port; {@code 0} (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be from 0 to 65535, but is " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Builds a server that is not started yet.
		 * @return a new server
		 */
		public FakeLagrelloServer build() {
			return new FakeLagrelloServer(this);
		}

		/**
		 * Builds and starts a server.
		 * @return a new, running server
		 */
		public FakeLagrelloServer start() {
			return build().start();
		}

	}

}
