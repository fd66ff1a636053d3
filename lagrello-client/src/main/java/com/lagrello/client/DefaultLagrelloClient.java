package com.lagrello.client;

/**
 * {@link LagrelloClient} on Spring's {@code WebClient}: its API areas are built once over
 * the root's options and resources, which the root owns (or shares, when derived).
 */
final class DefaultLagrelloClient implements LagrelloClient {

	private final ClientOptions options;

	private final ClientResources resources;

	private final WebClientTokensClient tokens;

	DefaultLagrelloClient(ClientOptions options, ClientResources resources) {
		this.options = options;
		this.resources = resources;
		// the root closes the resources, not its areas
		this.tokens = new WebClientTokensClient(options, resources.shared());
	}

	@Override
	public TokensClient tokens() {
		return this.tokens;
	}

	@Override
	public UsersClient users() {
		throw new UnsupportedOperationException("TODO issue 22: users()");
	}

	@Override
	public AuthClient auth() {
		throw new UnsupportedOperationException("TODO issue 22: auth()");
	}

	@Override
	public TenantClient tenant() {
		throw new UnsupportedOperationException("TODO issue 22: tenant()");
	}

	@Override
	public LagrelloClientBuilder mutate() {
		return new LagrelloClientBuilder(this.options, this.resources);
	}

	@Override
	public void close() {
		this.resources.close();
	}

	@Override
	public String toString() {
		return "LagrelloClient[baseUrl=" + this.options.baseUrl() + "]";
	}

}
