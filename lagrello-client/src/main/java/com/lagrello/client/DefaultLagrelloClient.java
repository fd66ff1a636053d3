package com.lagrello.client;

/**
 * {@link LagrelloClient} on Spring's {@code WebClient}: its API areas are built once over
 * the same {@link ApiCalls} (one {@code WebClient}, the root's options and resources,
 * hence its connections, retry budget and observations), which the root owns (or shares,
 * when derived).
 */
final class DefaultLagrelloClient implements LagrelloClient {

	private final ClientOptions options;

	private final ClientResources resources;

	private final WebClientTokensClient tokens;

	private final WebClientUsersClient users;

	private final WebClientAuthClient auth;

	private final WebClientTenantClient tenant;

	DefaultLagrelloClient(ClientOptions options, ClientResources resources) {
		this.options = options;
		this.resources = resources;
		// the root closes the resources, not its areas
		ApiCalls calls = new ApiCalls(options, resources.shared());
		this.tokens = new WebClientTokensClient(calls);
		this.users = new WebClientUsersClient(calls);
		this.auth = new WebClientAuthClient(calls);
		this.tenant = new WebClientTenantClient(calls);
	}

	@Override
	public TokensClient tokens() {
		return this.tokens;
	}

	@Override
	public UsersClient users() {
		return this.users;
	}

	@Override
	public AuthClient auth() {
		return this.auth;
	}

	@Override
	public TenantClient tenant() {
		return this.tenant;
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
