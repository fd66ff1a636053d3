package com.lagrello.test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.fake.FakeLagrello;
import com.lagrello.fake.FakeToken;
import com.lagrello.fake.ReceivedRequest;

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
 * <p>
 * It is the Spring-free {@link FakeLagrello} of {@code lagrello-fake} (which plain-Java
 * tests can use on its own), seen through the client's types.
 */
public final class FakeLagrelloServer implements AutoCloseable {

	/** Name of the admin token, also the {@code createdBy} of what it creates. */
	public static final String ADMIN_TOKEN_NAME = FakeLagrello.ADMIN_TOKEN_NAME;

	private final FakeLagrello fake;

	private FakeLagrelloServer(Builder builder) {
		this.fake = builder.fake.build();
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
	public FakeLagrelloServer start() {
		this.fake.start();
		return this;
	}

	/**
	 * Stops listening. The tokens and recorded requests are kept.
	 */
	@Override
	public void close() {
		this.fake.close();
	}

	/**
	 * Whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.fake.isRunning();
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public int port() {
		return this.fake.port();
	}

	/**
	 * Returns the server's origin, to use as {@code lagrello.base-url}.
	 * @return for example {@code http://127.0.0.1:54321}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI baseUrl() {
		return this.fake.baseUrl();
	}

	/**
	 * Returns the key of the admin token (READ, WRITE and ADMIN), to use as
	 * {@code lagrello.access-token}.
	 * @return the admin token
	 */
	public String adminToken() {
		return this.fake.adminToken();
	}

	/**
	 * Returns a client of this server that authenticates with the admin token.
	 * @return a new client
	 * @throws IllegalStateException if the server is not running
	 */
	public TokensClient tokensClient() {
		return TokensClient.builder().baseUrl(baseUrl()).accessToken(adminToken()).build();
	}

	/**
	 * Adds a token as if the admin token had created it, {@code READ} included.
	 * @param tokenName the token's name
	 * @param permissions further permissions, possibly ones the API does not know (yet)
	 * @return the token, whose key can authenticate
	 */
	public Token addToken(String tokenName, Permission... permissions) {
		return token(this.fake.addToken(tokenName,
				Arrays.stream(permissions).map(Permission::value).toArray(String[]::new)));
	}

	/**
	 * Adds a token exactly as given, for example with a key of your choice or without
	 * {@code READ}.
	 * @param token the token
	 * @return the token
	 * @throws IllegalArgumentException if a token with the same key exists
	 */
	public Token addToken(Token token) {
		this.fake.addToken(new FakeToken(token.tokenKey(), token.tokenName(), token.createdBy(), token.createdAt(),
				token.permissions().stream().map(Permission::value).toList()));
		return token;
	}

	/**
	 * Removes a token, as if it had been deleted through the API.
	 * @param tokenKey the token's key
	 * @return whether there was such a token
	 */
	public boolean removeToken(String tokenKey) {
		return this.fake.removeToken(tokenKey);
	}

	/**
	 * Returns the current tokens in creation order, which is their listing order.
	 * @return a snapshot of the tokens
	 */
	public List<Token> tokens() {
		return this.fake.tokens().stream().map(FakeLagrelloServer::token).toList();
	}

	/**
	 * Returns a token by its key.
	 * @param tokenKey the token's key
	 * @return the token, if the server holds it
	 */
	public Optional<Token> token(String tokenKey) {
		return this.fake.token(tokenKey).map(FakeLagrelloServer::token);
	}

	/**
	 * Goes back to the tokens the server started with (the admin token and the seeded
	 * ones, with the same keys) and forgets the recorded requests and the planned faults.
	 */
	public void reset() {
		this.fake.reset();
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
		this.fake.failNext(times, (fault != null) ? fault.fault() : null);
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
		this.fake.failNext(method.name(), times, (fault != null) ? fault.fault() : null);
	}

	/**
	 * Forgets the planned faults that no request has met yet.
	 */
	public void clearFaults() {
		this.fake.clearFaults();
	}

	/**
	 * Returns the requests received so far, in order of arrival, whatever was answered. A
	 * request is recorded before its answer is sent.
	 * @return a snapshot of the requests
	 */
	public List<RecordedRequest> requests() {
		return this.fake.requests().stream().map(FakeLagrelloServer::recorded).toList();
	}

	/**
	 * Forgets the recorded requests.
	 */
	public void clearRequests() {
		this.fake.clearRequests();
	}

	@Override
	public String toString() {
		return this.fake.toString().replace("FakeLagrello", "FakeLagrelloServer");
	}

	private static Token token(FakeToken token) {
		return new Token(token.tokenKey(), token.tokenName(), token.createdBy(), token.createdAt(),
				token.permissions().stream().map(Permission::of).toList());
	}

	private static RecordedRequest recorded(ReceivedRequest request) {
		return new RecordedRequest(request.method(), request.path(), request.query(), request.headers(),
				request.body());
	}

	/**
	 * Configures a {@link FakeLagrelloServer}.
	 */
	public static final class Builder {

		private final FakeLagrello.Builder fake = FakeLagrello.builder();

		private Builder() {
		}

		/**
		 * Sets the key of the admin token; a random UUID by default.
		 * @param adminToken the key, without whitespace
		 * @return this builder
		 */
		public Builder adminToken(String adminToken) {
			this.fake.adminToken(adminToken);
			return this;
		}

		/**
		 * Sets how many tokens to generate besides the admin token, none by default. They
		 * are named {@code token-1}, {@code token-2}, ... and have {@code READ}.
		 * @param seedTokens the number of tokens
		 * @return this builder
		 */
		public Builder seedTokens(int seedTokens) {
			this.fake.seedTokens(seedTokens);
			return this;
		}

		/**
		 * Sets the port; {@code 0} (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.fake.port(port);
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
