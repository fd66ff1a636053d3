package com.lagrello.client;

/**
 * The Lagrello client: one per API origin and configuration, holding the connections,
 * settings and retry budget that its API areas share. Build one with {@link #builder()},
 * derive one (another tenant's token, say) with {@link #mutate()}, and close it when
 * done.
 * <p>
 * Its API areas: {@link #tokens()}, {@link #users()}, {@link #auth()} (TOTP codes and
 * magic links) and {@link #tenant()}, which share its connections, settings, retry budget
 * and observations. Implementations are immutable and thread-safe.
 */
public interface LagrelloClient extends AutoCloseable {

	/**
	 * Returns the client of the Tokens API, which behaves exactly as a
	 * {@link TokensClient} built alone with the same settings.
	 * @return the tokens client of this root
	 */
	TokensClient tokens();

	/**
	 * Returns the client of the Users API.
	 * @return the users client of this root
	 */
	UsersClient users();

	/**
	 * Returns the client of sign-in: TOTP codes and magic links.
	 * @return the auth client of this root
	 */
	AuthClient auth();

	/**
	 * Returns the client of the tenant the access token belongs to.
	 * @return the tenant client of this root
	 */
	TenantClient tenant();

	/**
	 * Returns a builder preset with this client's settings and connections, to derive
	 * another client, say for another tenant:
	 * {@code client.mutate().accessToken(other).build()}. The derived client shares this
	 * one's connections, open state and (unless given another, or another base URL) retry
	 * budget; this client is unchanged.
	 * @return a new builder
	 */
	LagrelloClientBuilder mutate();

	/**
	 * Releases what {@code build()} made: every call after it, of this client and of the
	 * clients derived from it, fails with a {@link LagrelloException} and sends nothing.
	 * A derived client's {@code close()} releases nothing (its original owns it).
	 */
	@Override
	void close();

	/**
	 * Starts building a client without Spring Boot, with the settings of
	 * {@link TokensClientBuilder}.
	 * @return a new builder
	 */
	static LagrelloClientBuilder builder() {
		return new LagrelloClientBuilder();
	}

}
