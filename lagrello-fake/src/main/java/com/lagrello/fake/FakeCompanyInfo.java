package com.lagrello.fake;

/**
 * The company behind the fake's tenant, the API's {@code TenantCompanyInfo}, whose fields
 * are named {@code Name}, {@code Address}, ... on the wire.
 *
 * @param name the company's full name
 * @param address the first line of its address
 * @param city the city of the address
 * @param postalCode the postal code of the address
 * @param country the country of the address, an ISO 3166-1 two-letter code
 * @param orgNumber the company's organisation number
 * @param vatNumber the company's VAT identification number
 */
public record FakeCompanyInfo(String name, String address, String city, String postalCode, String country,
		String orgNumber, String vatNumber) {

}
