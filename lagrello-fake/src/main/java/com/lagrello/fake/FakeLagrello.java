package com.lagrello.fake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-memory fake of the Lagrello Tokens API on a real socket, for tests of
 * any Java code, with or without Spring. It listens on {@code 127.0.0.1}, on a free port
 * unless told otherwise. <pre class="code">
 * try (FakeLagrello lagrello = FakeLagrello.builder().seedTokens(3).start()) {
 *     // point the code under test at lagrello.baseUrl() with lagrello.adminToken()
 *     ...
 *     assertThat(lagrello.requests()).extracting(ReceivedRequest::method).containsExactly("GET");
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
 * "message": ...}}. It fails on purpose when told to, see {@link #failNext(int, Fault)}.
 * It starts with an admin token (READ, WRITE and ADMIN) and the generated tokens asked
 * for; {@link #reset()} goes back to exactly those. It records every request it receives,
 * see {@link #requests()}. It is thread-safe.
 */
public final class FakeLagrello implements AutoCloseable {

	/** Name of the admin token, also the {@code createdBy} of what it creates. */
	public static final String ADMIN_TOKEN_NAME = "admin";

	private final String adminToken;

	private final TokenStore store;

	private final TokensApi api;

	private final PlannedFaults faults = new PlannedFaults();

	private final ScriptedServer server;

	private FakeLagrello(Builder builder) {
		this.adminToken = (builder.adminToken != null) ? builder.adminToken : UUID.randomUUID().toString();
		List<FakeToken> initial = new ArrayList<>();
		initial.add(TokenStore.newToken(this.adminToken, ADMIN_TOKEN_NAME, "lagrello", List.of("WRITE", "ADMIN")));
		for (int i = 1; i <= builder.seedTokens; i++) {
			initial.add(TokenStore.newToken("token-" + i, ADMIN_TOKEN_NAME, List.of()));
		}
		this.store = new TokenStore(initial);
		this.server = ScriptedServer.builder().port(builder.port).build(this::answer);
		this.api = new TokensApi(this.store, this.server::baseUrl);
	}

	/**
	 * Starts configuring a fake.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private Reply answer(ReceivedRequest request) {
		Fault fault = this.faults.take(request.method());
		if (fault == null) {
			return this.api.answer(request);
		}
		return switch (fault.kind()) {
			case STATUS -> TokensApi.fault(fault.statusCode(), fault.retryAfterSeconds());
			case DELAY -> Reply.later(fault.delay(), () -> this.api.answer(request));
			case CONNECTION_RESET -> Reply.closeConnection();
			case RESPONSE_LOST -> {
				this.api.answer(request);
				yield Reply.closeConnection();
			}
		};
	}

	/**
	 * Starts listening, unless it already does.
	 * @return this fake
	 */
	public FakeLagrello start() {
		this.server.start();
		return this;
	}

	/**
	 * Stops listening. The tokens and recorded requests are kept.
	 */
	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * Whether the fake is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * Returns the port the fake listens on.
	 * @return the port
	 * @throws IllegalStateException if the fake is not running
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns the fake's origin, the base URL of the API.
	 * @return for example {@code http://127.0.0.1:54321}
	 * @throws IllegalStateException if the fake is not running
	 */
	public URI baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Returns the key of the admin token (READ, WRITE and ADMIN), the access token to
	 * call the fake with.
	 * @return the admin token
	 */
	public String adminToken() {
		return this.adminToken;
	}

	/**
	 * Adds a token as if the admin token had created it, {@code READ} included.
	 * @param tokenName the token's name
	 * @param permissions further permissions, possibly ones the API does not know (yet)
	 * @return the token, whose key can authenticate
	 */
	public FakeToken addToken(String tokenName, String... permissions) {
		return this.store.add(TokenStore.newToken(tokenName, ADMIN_TOKEN_NAME, List.of(permissions)));
	}

	/**
	 * Adds a token exactly as given, for example with a key of your choice or without
	 * {@code READ}.
	 * @param token the token
	 * @return the token
	 * @throws IllegalArgumentException if a token with the same key exists
	 */
	public FakeToken addToken(FakeToken token) {
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
	public List<FakeToken> tokens() {
		return this.store.all();
	}

	/**
	 * Returns a token by its key.
	 * @param tokenKey the token's key
	 * @return the token, if the fake holds it
	 */
	public Optional<FakeToken> token(String tokenKey) {
		return Optional.ofNullable(this.store.find(tokenKey));
	}

	/**
	 * Goes back to the tokens the fake started with (the admin token and the seeded ones,
	 * with the same keys) and forgets the recorded requests and the planned faults.
	 */
	public void reset() {
		this.store.reset();
		this.server.clearRequests();
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
	public void failNext(int times, Fault fault) {
		this.faults.add(null, times, fault);
	}

	/**
	 * Plans a fault for the next requests with that method, as
	 * {@link #failNext(int, Fault)} does.
	 * @param method the HTTP method the requests have, in any case
	 * @param times how many requests meet the fault, at least 1
	 * @param fault the fault
	 */
	public void failNext(String method, int times, Fault fault) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("method must not be null or blank");
		}
		this.faults.add(method, times, fault);
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
	public List<ReceivedRequest> requests() {
		return this.server.requests();
	}

	/**
	 * Forgets the recorded requests.
	 */
	public void clearRequests() {
		this.server.clearRequests();
	}

	@Override
	public String toString() {
		return this.server.toString().replace("ScriptedServer", "FakeLagrello");
	}

	/**
	 * Configures a {@link FakeLagrello}.
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
		 * Builds a fake that is not started yet.
		 * @return a new fake
		 */
		public FakeLagrello build() {
			return new FakeLagrello(this);
		}

		/**
		 * Builds and starts a fake.
		 * @return a new, running fake
		 */
		public FakeLagrello start() {
			return build().start();
		}

	}

}
