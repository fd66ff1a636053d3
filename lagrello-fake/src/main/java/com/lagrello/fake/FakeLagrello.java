package com.lagrello.fake;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stateful, in-memory fake of the Lagrello API (tokens, users, TOTP and magic-link
 * sign-in, the tenant) on a real socket, for tests of any Java code, with or without
 * Spring. It listens on {@code 127.0.0.1}, on a free port unless told otherwise.
 * <pre class="code">
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
 * {@code {"tokenName": ..., "permissions": [...]}} (name 1 to 128 code points; READ,
 * WRITE or ADMIN), always grants {@code READ}, and answers {@code 200} with the new
 * token, whose key can authenticate from then on;</li>
 * <li>{@code GET /v1/tokens?page=&size=} pages the tokens in creation order: page from 0
 * (the first when absent), size from 1 to 20 (20 when absent), with absolute
 * {@code paging.next} and {@code paging.previous} links on {@link #baseUrl()}, or
 * {@code null};</li>
 * <li>{@code DELETE /v1/tokens/{id}} needs {@code ADMIN} and answers {@code 204}, or
 * {@code 404} for an unknown token;</li>
 * <li>on the users, auth and tenant paths, a missing or malformed header is {@code 403}
 * too: there {@code 401} means a wrong TOTP code or magic-link token. Changes there need
 * a token with {@code WRITE};</li>
 * <li>{@code POST /v1/users} takes {@code {"userId": ..., "email": ...}} (id 1 to 128
 * code points, e-mail optional) and answers {@code 201} with the user, {@code 409} when
 * it exists; {@code GET}, {@code PATCH} ({@code {"email": ...}}) and {@code DELETE}
 * ({@code 204}) of {@code /v1/users/{userId}} answer {@code 404} for an unknown
 * user;</li>
 * <li>{@code POST /v1/users/{userId}/totp} with {@code {"enable": true}} gives the user a
 * new RFC 6238 secret (HMAC-SHA1, 6 digits, 30-second steps) and answers {@code 200} with
 * {@code secretKey} (Base32) and {@code qrImage} (a link that does not hold the secret);
 * {@code {"enable": false}} answers {@code 204}; {@code GET
 * /v1/users/{userId}/totp?payload=<code>} answers {@code 200} with the user for the
 * current or the previous step's code, each code once; a wrong or used code, or a user
 * without TOTP, is {@code 401};</li>
 * <li>{@code POST /v1/users/{userId}/email} ({@code 204}) "e-mails" the user a magic
 * link, the tenant's {@code callbackUrl} with a fresh token in place of {@code {}}, see
 * {@link #magicLinks(String)}; {@code GET /v1/users/email?payload=<token>} redeems it
 * once ({@code 200} with the user), a wrong or used token is {@code 401};</li>
 * <li>{@code GET /v1/tenant} answers the tenant, whose {@code callbackUrl} starts as
 * {@value TenantStore#INITIAL_CALLBACK_URL} and follows {@code PATCH /v1/tenant}
 * ({@code {"callbackUrl": ...}}, an absolute URL holding {@code {}});</li>
 * <li>anything else is {@code 404} ({@code 405} for another method on a known path);
 * invalid input is {@code 400}.</li>
 * </ul>
 * Every error answer has the API's {@code Error} body, {@code {"errorType": ...,
 * "message": ...}}. It fails on purpose when told to, see {@link #failNext(int, Fault)}.
 * It starts with an admin token (READ, WRITE and ADMIN) and the generated tokens asked
 * for, no users, and its tenant as it was made; {@link #reset()} goes back to exactly
 * that. It records every request it receives, see {@link #requests()}. It is thread-safe.
 */
public final class FakeLagrello implements AutoCloseable {

	/** Name of the admin token, also the {@code createdBy} of what it creates. */
	public static final String ADMIN_TOKEN_NAME = "admin";

	private final String adminToken;

	private final TokenStore store;

	private final UserStore users = new UserStore();

	private final TotpEnrolments totp;

	private final MagicLinks links = new MagicLinks();

	private final TenantStore tenant = new TenantStore();

	private final LagrelloApi api;

	private final PlannedFaults faults = new PlannedFaults();

	private final ScriptedServer server;

	private FakeLagrello(Builder builder) {
		this.adminToken = (builder.adminToken != null) ? builder.adminToken : UUID.randomUUID().toString();
		List<FakeToken> initial = new ArrayList<>();
		initial.add(TokenStore.newToken(this.adminToken, ADMIN_TOKEN_NAME, "lagrello",
				List.of(TokenStore.WRITE, TokenStore.ADMIN)));
		for (int i = 1; i <= builder.seedTokens; i++) {
			initial.add(TokenStore.newToken("token-" + i, ADMIN_TOKEN_NAME, List.of()));
		}
		this.store = new TokenStore(initial);
		this.totp = new TotpEnrolments(builder.clock);
		this.server = ScriptedServer.builder().port(builder.port).build(this::answer);
		QrImages qrImages = new QrImages(this.server::baseUrl, this.totp);
		this.api = new LagrelloApi(new AccessTokens(this.store), new TokensApi(this.store, this.server::baseUrl),
				new UsersApi(this.users, this.totp, this.links),
				new AuthApi(this.users, this.totp, this.links, this.tenant, qrImages), new TenantApi(this.tenant),
				qrImages);
	}

	/**
	 * Starts configuring a fake.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private Reply answer(ReceivedRequest request) {
		Fault fault = this.faults.take(request.method(), request.path());
		if (fault == null) {
			return this.api.answer(request);
		}
		return switch (fault.kind()) {
			case STATUS -> fault.statusReply();
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
	 * Stops listening. The state and recorded requests are kept.
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
	 * Adds a user to the fake's tenant, as {@code POST /v1/users} does.
	 * @param userId the user's id, 1 to 128 characters (code points), not blank
	 * @param email the user's e-mail address, or {@code null} for none
	 * @return the user
	 * @throws IllegalArgumentException if the id or e-mail address is invalid, or a user
	 * with that id exists
	 */
	public FakeUser addUser(String userId, @Nullable String email) {
		if (userId == null || !UsersApi.isUserId(userId)) {
			throw new IllegalArgumentException(
					LimitedNames.rule("userId", UsersApi.MAX_USER_ID_LENGTH) + ", but is " + userId);
		}
		if (email != null && !UsersApi.isEmail(email)) {
			throw new IllegalArgumentException("email must be an e-mail address, but is " + email);
		}
		FakeUser user = new FakeUser(userId, email);
		if (!this.users.add(user)) {
			throw new IllegalArgumentException("A user with this id exists already: " + userId);
		}
		return user;
	}

	/**
	 * Returns a user by id.
	 * @param userId the user's id
	 * @return the user, if the fake's tenant has one with that id
	 */
	public Optional<FakeUser> user(String userId) {
		return Optional.ofNullable(this.users.find(userId));
	}

	/**
	 * Returns the users in creation order.
	 * @return a snapshot of the users
	 */
	public List<FakeUser> users() {
		return this.users.all();
	}

	/**
	 * Returns the TOTP code of a user's current 30-second step, on the fake's clock (see
	 * {@link Builder#clock(Clock)}). Once it has been accepted, it is refused until the
	 * next step's code.
	 * @param userId the user's id
	 * @return the 6-digit code
	 * @throws IllegalArgumentException if there is no such user
	 * @throws IllegalStateException if the user has no TOTP enabled
	 */
	public String totpCode(String userId) {
		if (this.users.find(userId) == null) {
			throw new IllegalArgumentException("There is no user " + userId);
		}
		String code = this.totp.currentCode(userId);
		if (code == null) {
			throw new IllegalStateException("The user " + userId + " has no TOTP enabled");
		}
		return code;
	}

	/**
	 * Returns the magic links "e-mailed" to a user, oldest first, each the tenant's
	 * {@code callbackUrl} of the time with a fresh token in place of {@code {}}.
	 * @param userId the user's id
	 * @return the links; empty for an unknown user
	 */
	public List<String> magicLinks(String userId) {
		return this.links.sentTo(userId);
	}

	/**
	 * Returns the fake's tenant as it is now.
	 * @return the tenant
	 */
	public FakeTenant tenant() {
		return this.tenant.current();
	}

	/**
	 * Goes back to the state the fake started with: the tokens it started with (the admin
	 * token and the seeded ones, with the same keys), no users, TOTP secrets or magic
	 * links, and the tenant as it was made. Forgets the recorded requests and the planned
	 * faults.
	 */
	public void reset() {
		this.store.reset();
		this.users.clear();
		this.totp.clear();
		this.links.clear();
		this.tenant.reset();
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
		this.faults.add(null, null, times, fault);
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
		this.faults.add(method, null, times, fault);
	}

	/**
	 * Plans a fault for the next requests with that method to one path, as
	 * {@link #failNext(int, Fault)} does: <pre class="code">
	 * lagrello.failNext("GET", "/v1/users/{userId}/totp", 1, Fault.status(503));
	 * </pre>
	 * @param method the HTTP method the requests have, in any case
	 * @param path the path, as sent (percent-encoded), or a template of the API's whose
	 * {@code {name}} segments stand for any one segment
	 * @param times how many requests meet the fault, at least 1
	 * @param fault the fault
	 */
	public void failNext(String method, String path, int times, Fault fault) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("method must not be null or blank");
		}
		if (path == null) {
			throw new IllegalArgumentException("path must not be null");
		}
		this.faults.add(method, path, times, fault);
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

		private Clock clock = Clock.systemUTC();

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
		 * Sets the clock TOTP codes are computed and checked on; the system clock by
		 * default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			if (clock == null) {
				throw new IllegalArgumentException("clock must not be null");
			}
			this.clock = clock;
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
