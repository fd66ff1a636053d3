package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link UsersClient#update} sends: the user's new e-mail address.
 *
 * @param email the new e-mail address, with an {@code @}
 */
public record UpdateUserRequest(@JsonProperty("email") String email) {

	/**
	 * Creates a request, validating it.
	 * @throws LagrelloInvalidArgumentException if the e-mail address is blank or has no
	 * {@code @}
	 */
	public UpdateUserRequest {
		Arguments.email(email);
	}

	/**
	 * Creates a request that changes a user's e-mail address.
	 * @param email the new e-mail address, with an {@code @}
	 * @return the request
	 * @throws LagrelloInvalidArgumentException if the address is invalid
	 */
	public static UpdateUserRequest of(String email) {
		return new UpdateUserRequest(email);
	}

}
