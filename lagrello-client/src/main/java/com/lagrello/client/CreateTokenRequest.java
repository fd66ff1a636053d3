package com.lagrello.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link TokensClient#create} sends: the new token's name and permissions. The API
 * grants {@link Permission#READ} to every token, asked for or not.
 *
 * @param tokenName the name, 1 to 128 characters and not blank
 * @param permissions the permissions asked for; may be empty, never {@code null}
 */
public record CreateTokenRequest(@JsonProperty("tokenName") String tokenName,
		@JsonProperty("permissions") List<Permission> permissions) {

	/** Longest name the API accepts, in characters (Unicode code points). */
	public static final int MAX_TOKEN_NAME_LENGTH = 128;

	/**
	 * Creates a request, validating it.
	 * @throws LagrelloInvalidArgumentException if the name is blank, longer than 128
	 * characters or holds a lone surrogate, or a permission is {@code null}
	 */
	public CreateTokenRequest {
		Arguments.name("tokenName", tokenName, MAX_TOKEN_NAME_LENGTH);
		// not contains(null): List.of(...) throws on it
		if (permissions == null || permissions.stream().anyMatch(Objects::isNull)) {
			throw new LagrelloInvalidArgumentException("permissions", "permissions must not be or contain null");
		}
		permissions = List.copyOf(permissions);
	}

	/**
	 * Creates a request for a token with the given name and permissions.
	 * @param tokenName the name, 1 to 128 characters and not blank
	 * @param permissions the permissions asked for
	 * @return the request
	 * @throws LagrelloInvalidArgumentException if an argument is invalid
	 */
	public static CreateTokenRequest of(String tokenName, Permission... permissions) {
		if (permissions == null) {
			throw new LagrelloInvalidArgumentException("permissions", "permissions must not be null");
		}
		return new CreateTokenRequest(tokenName, Arrays.asList(permissions));
	}

}
