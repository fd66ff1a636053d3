package com.lagrello.client;

/**
 * Builds a {@link LagrelloClient} without Spring Boot, with the settings of
 * {@link TokensClientBuilder} under the same method names. Only the access token is
 * required: <pre class="code">
 * try (LagrelloClient lagrello = LagrelloClient.builder()
 *         .accessToken(System.getenv("LAGRELLO_ACCESS_TOKEN"))
 *         .build()) {
 *     lagrello.tokens().listAll().subscribe(System.out::println);
 * }
 * </pre>
 */
public final class LagrelloClientBuilder extends ClientSettings<LagrelloClientBuilder> {

	LagrelloClientBuilder() {
	}

	LagrelloClientBuilder(ClientOptions preset, ClientResources shared) {
		super(preset, shared);
	}

	/**
	 * Builds the client. A client built from {@link LagrelloClient#mutate()} shares the
	 * connections, the open state and (unless given another, or another base URL) the
	 * retry budget of the one it was derived from.
	 * @return a new client
	 * @throws LagrelloInvalidArgumentException if a setting is invalid
	 */
	public LagrelloClient build() {
		ClientOptions options = options();
		return new DefaultLagrelloClient(options, resources(options));
	}

}
