package com.lagrello.client;

import reactor.core.publisher.Mono;

/**
 * The tenant the access token belongs to: its details and the callback URL magic links
 * point to. Get one from {@link LagrelloClient#tenant()}. Implementations are immutable
 * and thread-safe.
 */
public interface TenantClient {

	/**
	 * Fetches the tenant ({@code GET /v1/tenant}).
	 * @return the tenant
	 */
	Mono<Tenant> get();

	/**
	 * Updates the tenant's callback URL ({@code PATCH /v1/tenant}).
	 * @param request the new callback URL
	 * @return the updated tenant
	 */
	Mono<Tenant> update(UpdateTenantRequest request);

	/**
	 * Returns this client for blocking code, with the client's call timeout.
	 * @return the blocking face of this client
	 */
	BlockingTenantClient blocking();

}
