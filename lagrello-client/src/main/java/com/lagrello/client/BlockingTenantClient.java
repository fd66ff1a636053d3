package com.lagrello.client;

/**
 * The same client for blocking code, with the rules of {@link BlockingTokensClient}:
 * every call waits at most the client's call timeout and throws the
 * {@link LagrelloException} itself; called on a non-blocking thread (a Reactor or Netty
 * event loop), every method throws a {@code LagrelloException} and sends nothing: use
 * {@link TenantClient} there.
 */
public interface BlockingTenantClient {

	/**
	 * Fetches the tenant, as {@link TenantClient#get} does.
	 * @return the tenant
	 */
	Tenant get();

	/**
	 * Updates the tenant's callback URL, as {@link TenantClient#update} does.
	 * @param request the new callback URL
	 * @return the updated tenant
	 */
	Tenant update(UpdateTenantRequest request);

}
