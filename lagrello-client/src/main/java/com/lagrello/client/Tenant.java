package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the access token belongs to: the application's account with Lagrello.
 *
 * @param tenantId the tenant's id
 * @param tenantName the tenant's name, which end users see
 * @param callbackUrl where magic links point: the URL with the magic-link token in place
 * of its {@code {}}
 * @param activated whether the tenant is activated
 * @param companyInfo the company behind the tenant, {@code null} when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tenant(@JsonProperty("tenantId") String tenantId, @JsonProperty("tenantName") String tenantName,
		@JsonProperty("callbackUrl") String callbackUrl, @JsonProperty("activated") boolean activated,
		@JsonProperty("companyInfo") @Nullable CompanyInfo companyInfo) {

}
