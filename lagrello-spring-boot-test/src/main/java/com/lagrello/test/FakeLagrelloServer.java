package com.lagrello.test;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.lagrello.client.CompanyInfo;
import com.lagrello.client.Permission;
import com.lagrello.client.Tenant;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.client.User;
import com.lagrello.fake.FakeCompanyInfo;
import com.lagrello.fake.FakeLagrello;
import com.lagrello.fake.FakeTenant;
import com.lagrello.fake.FakeToken;
import com.lagrello.fake.FakeUser;
import com.lagrello.fake.ReceivedRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * A stateful, in-memory fake of the Lagrello API (tokens, users, TOTP and magic-link
 * sign-in, the tenant) on a real socket, for tests and demos. It listens on
 * {@code 127.0.0.1}, on a free port unless told otherwise. <pre class="code">
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
 * <li>on the users, auth and tenant paths, a missing or malformed header is {@code 403}
 * too: there {@code 401} means a wrong TOTP code or magic-link token. Changes there need
 * a token with {@code WRITE};</li>
 * <li>users: {@code POST /v1/users} answers {@code 201} ({@code 409} when the user
 * exists); {@code GET}, {@code PATCH} and {@code DELETE} ({@code 204}) of
 * {@code /v1/users/{userId}} answer {@code 404} for an unknown user;</li>
 * <li>TOTP follows RFC 6238 (HMAC-SHA1, 6 digits, 30-second steps, the Base32 secret that
 * enabling it answers), so a test can compute codes itself or ask
 * {@link #totpCode(String)}; the current and the previous step's codes verify, each once;
 * a wrong or used code, or a user without TOTP, is {@code 401};</li>
 * <li>a magic link is the tenant's {@code callbackUrl} with a fresh token in place of
 * {@code {}}, see {@link #magicLinks(String)}; a token is good once, then
 * {@code 401};</li>
 * <li>the tenant's {@code callbackUrl} starts as
 * {@code http://localhost/login/ott?token={}} and follows {@code PATCH /v1/tenant};</li>
 * <li>anything else is {@code 404} ({@code 405} for another method on a known path);
 * invalid input is {@code 400}.</li>
 * </ul>
 * Every error answer has the API's {@code Error} body, {@code {"errorType": ...,
 * "message": ...}}, with the types {@code UNAUTHORIZED}, {@code FORBIDDEN},
 * {@code BAD_REQUEST}, {@code NOT_FOUND}, {@code METHOD_NOT_ALLOWED} and
 * {@code CONFLICT}.
 * <p>
 * It fails on purpose when told to, see {@link #failNext(int, FakeFault)}:
 * <pre class="code">
 * lagrello.failNext(HttpMethod.GET, 2, FakeFault.status(503).retryAfter(Duration.ofSeconds(1)));
 * </pre>
 * <p>
 * It starts with an admin token (READ, WRITE and ADMIN) and the generated tokens asked
 * for, no users, and its tenant as it was made; {@link #reset()} goes back to exactly
 * that. It records every request it receives, see {@link #requests()}. It is thread-safe.
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
	 * Stops listening. The state and recorded requests are kept.
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
	 * Adds a user to the server's tenant, as {@code POST /v1/users} does.
	 * @param userId the user's id, 1 to 128 characters, not blank
	 * @param email the user's e-mail address, or {@code null} for none
	 * @return the user
	 * @throws IllegalArgumentException if the id or e-mail address is invalid, or a user
	 * with that id exists
	 */
	public User addUser(String userId, @Nullable String email) {
		return user(this.fake.addUser(userId, email));
	}

	/**
	 * Returns a user by id.
	 * @param userId the user's id
	 * @return the user, if the server's tenant has one with that id
	 */
	public Optional<User> user(String userId) {
		return this.fake.user(userId).map(FakeLagrelloServer::user);
	}

	/**
	 * Returns the users in creation order.
	 * @return a snapshot of the users
	 */
	public List<User> users() {
		return this.fake.users().stream().map(FakeLagrelloServer::user).toList();
	}

	/**
	 * Returns the TOTP code that is valid now for a user whose TOTP is enabled: the code
	 * of the current 30-second step of the secret that enabling TOTP answered. Once it
	 * has been accepted, it is refused until the next step's code.
	 * @param userId the user's id
	 * @return the 6-digit code
	 * @throws IllegalArgumentException if there is no such user
	 * @throws IllegalStateException if the user has no TOTP enabled
	 */
	public String totpCode(String userId) {
		return this.fake.totpCode(userId);
	}

	/**
	 * Returns the magic links "e-mailed" to a user, oldest first: each the tenant's
	 * {@code callbackUrl} of the time with a fresh token in place of {@code {}}.
	 * @param userId the user's id
	 * @return the links; empty for an unknown user
	 */
	public List<String> magicLinks(String userId) {
		return this.fake.magicLinks(userId);
	}

	/**
	 * Returns the server's tenant as it is now.
	 * @return the tenant
	 */
	public Tenant tenant() {
		FakeTenant tenant = this.fake.tenant();
		FakeCompanyInfo info = tenant.companyInfo();
		return new Tenant(tenant.tenantId(), tenant.tenantName(), tenant.callbackUrl(), tenant.activated(),
				new CompanyInfo(info.name(), info.address(), info.city(), info.postalCode(), info.country(),
						info.orgNumber(), info.vatNumber()));
	}

	/**
	 * Goes back to the state the server started with: the tokens it started with (the
	 * admin token and the seeded ones, with the same keys), no users, TOTP secrets or
	 * magic links, and the tenant as it was made. Forgets the recorded requests and the
	 * planned faults.
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

	private static User user(FakeUser user) {
		return new User(user.userId(), user.email());
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
