package com.lagrello.fake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON bodies, written with the fake's own types rather than the client's, so
 * that a mistake in the client's mapping cannot hide behind the same mistake in the fake.
 */
final class WireFormat {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private WireFormat() {
	}

	static String write(Object body) {
		return JSON.writeValueAsString(body);
	}

	/**
	 * The API's {@code Error} body.
	 */
	record ErrorBody(String errorType, String message) {
	}

	/**
	 * The API's {@code Token}; {@code createdAt} is an ISO-8601 instant.
	 */
	record TokenBody(String tokenKey, String tokenName, String createdBy, String createdAt, List<String> permissions) {

		static TokenBody of(FakeToken token) {
			return new TokenBody(token.tokenKey(), token.tokenName(), token.createdBy(), token.createdAt().toString(),
					token.permissions());
		}

	}

	/**
	 * The API's {@code TokenList}.
	 */
	record TokenListBody(List<TokenBody> data, PagingBody paging) {
	}

	/**
	 * The API's {@code Paging}: links, {@code null} when there is no such page.
	 */
	record PagingBody(@Nullable String next, @Nullable String previous) {
	}

	/**
	 * The API's {@code User}; a user without an e-mail address has no {@code email}
	 * member (the description does not let it be {@code null}).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserBody(String userId, @Nullable String email) {

		static UserBody of(FakeUser user) {
			return new UserBody(user.userId(), user.email());
		}

	}

	/**
	 * The API's {@code TotpEnableResponse}.
	 */
	record TotpEnableBody(String secretKey, String qrImage) {
	}

	/**
	 * The API's {@code Tenant}.
	 */
	record TenantBody(String tenantId, String tenantName, String callbackUrl, boolean activated,
			CompanyInfoBody companyInfo) {

		static TenantBody of(FakeTenant tenant) {
			return new TenantBody(tenant.tenantId(), tenant.tenantName(), tenant.callbackUrl(), tenant.activated(),
					CompanyInfoBody.of(tenant.companyInfo()));
		}

	}

	/**
	 * The API's {@code TenantCompanyInfo}, whose members are capitalised.
	 */
	record CompanyInfoBody(@JsonProperty("Name") String name, @JsonProperty("Address") String address,
			@JsonProperty("City") String city, @JsonProperty("PostalCode") String postalCode,
			@JsonProperty("Country") String country, @JsonProperty("OrgNumber") String orgNumber,
			@JsonProperty("VATNumber") String vatNumber) {

		static CompanyInfoBody of(FakeCompanyInfo info) {
			return new CompanyInfoBody(info.name(), info.address(), info.city(), info.postalCode(), info.country(),
					info.orgNumber(), info.vatNumber());
		}

	}

}
