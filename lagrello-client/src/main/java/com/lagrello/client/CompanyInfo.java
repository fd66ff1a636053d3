package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The company behind a {@link Tenant}, as the API returns it (its fields are named
 * {@code Name}, {@code Address}, ... on the wire).
 *
 * @param name the company's full name
 * @param address the first line of its address
 * @param city the city of the address
 * @param postalCode the postal code of the address
 * @param country the country of the address, an ISO 3166-1 two-letter code
 * @param orgNumber the company's organisation number
 * @param vatNumber the company's VAT identification number
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyInfo(@JsonProperty("Name") @Nullable String name,
		@JsonProperty("Address") @Nullable String address, @JsonProperty("City") @Nullable String city,
		@JsonProperty("PostalCode") @Nullable String postalCode, @JsonProperty("Country") @Nullable String country,
		@JsonProperty("OrgNumber") @Nullable String orgNumber, @JsonProperty("VATNumber") @Nullable String vatNumber) {

}
