package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link TenantClient#update} sends: the tenant's new callback URL, where magic
 * links point.
 *
 * @param callbackUrl an absolute {@code https} URL ({@code http} only to a loopback host)
 * holding {@code {}} exactly once, where the magic-link token goes
 */
public record UpdateTenantRequest(@JsonProperty("callbackUrl") String callbackUrl) {

	/**
	 * Creates a request, validating it.
	 * @throws LagrelloInvalidArgumentException if the callback URL is not an absolute
	 * {@code https} URL ({@code http} only to a loopback host) or does not hold
	 * {@code {}} exactly once
	 */
	public UpdateTenantRequest {
		Arguments.callbackUrl(callbackUrl);
	}

	/**
	 * Creates a request that changes the tenant's callback URL.
	 * @param callbackUrl the new callback URL, for example
	 * {@code https://app.example.com/login/ott?token={}}
	 * @return the request
	 * @throws LagrelloInvalidArgumentException if the URL is invalid
	 */
	public static UpdateTenantRequest of(String callbackUrl) {
		return new UpdateTenantRequest(callbackUrl);
	}

}
