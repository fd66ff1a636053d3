package com.lagrello.fake;

/**
 * The fake's tenant, the account its access tokens belong to, as the API sends it.
 *
 * @param tenantId the tenant's id, a UUID
 * @param tenantName the tenant's name, which end users see
 * @param callbackUrl where magic links point: the URL with the magic-link token in place
 * of its {@code {}}
 * @param activated whether the tenant is activated
 * @param companyInfo the company behind the tenant
 */
public record FakeTenant(String tenantId, String tenantName, String callbackUrl, boolean activated,
		FakeCompanyInfo companyInfo) {

	/**
	 * Returns this tenant with another callback URL.
	 * @param callbackUrl the new callback URL
	 * @return a new tenant
	 */
	public FakeTenant withCallbackUrl(String callbackUrl) {
		return new FakeTenant(this.tenantId, this.tenantName, callbackUrl, this.activated, this.companyInfo);
	}

}
