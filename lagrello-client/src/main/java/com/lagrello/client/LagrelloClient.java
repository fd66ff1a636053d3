package com.lagrello.client;

/**
 * The Lagrello client: one per API origin and configuration, holding the connections,
 * settings and retry budget that its API areas share. Build one with {@link #builder()},
 * derive one (another tenant's token, say) with {@link #mutate()}, and close it when
 * done.
 * <p>
 * The Tokens API is {@link #tokens()}; the users, sign-in and tenant areas of the
 * contract's 0.3 ({@code users()}, {@code auth()}, {@code tenant()}) follow.
 * Implementations are immutable and thread-safe.
 */
public interface LagrelloClient extends AutoCloseable {

	/**
	 * Returns the client of the Tokens API, which behaves exactly as a
	 * {@link TokensClient} built alone with the same settings.
	 * @return the tokens client of this root
	 */
	TokensClient tokens();

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
