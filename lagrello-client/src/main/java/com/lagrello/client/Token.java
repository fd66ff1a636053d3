package com.lagrello.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An access token of the tenant, as the API returns it.
 * <p>
 * {@link #tokenKey()} is itself a credential: {@link #toString()} shows only its last
 * four characters.
 *
 * @param tokenKey the token's secret key, also its id for {@link TokensClient#delete}
 * @param tokenName the name given at creation
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param permissions what it may do; never {@code null}
 */
// names pinned, so that an application's naming strategy cannot change the wire format
@JsonIgnoreProperties(ignoreUnknown = true)
public record Token(@JsonProperty("tokenKey") String tokenKey, @JsonProperty("tokenName") String tokenName,
		@JsonProperty("createdBy") String createdBy,
		@JsonProperty("createdAt") @JsonDeserialize(using = CanonicalInstantDeserializer.class) Instant createdAt,
		@JsonProperty("permissions") List<Permission> permissions) {

	/**
	 * Creates a token, copying the permissions.
	 */
	public Token {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
	}

	@Override
	public String toString() {
		return "Token[tokenKey=" + Secrets.mask(this.tokenKey) + ", tokenName=" + this.tokenName + ", createdBy="
				+ this.createdBy + ", createdAt=" + this.createdAt + ", permissions=" + this.permissions + "]";
	}

}
