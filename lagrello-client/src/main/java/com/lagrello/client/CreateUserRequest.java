package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What {@link UsersClient#create} sends: the new user's id and, optionally, e-mail
 * address (where magic links go).
 *
 * @param userId the user's id, 1 to 128 characters and not blank
 * @param email the user's e-mail address with an {@code @}, or {@code null} for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateUserRequest(@JsonProperty("userId") String userId, @JsonProperty("email") @Nullable String email) {

	/**
	 * Creates a request, validating it.
	 * @throws LagrelloInvalidArgumentException if the user id is blank or longer than 128
	 * characters, or the e-mail address is given but blank or without {@code @}
	 */
	public CreateUserRequest {
		Arguments.userId(userId);
		if (email != null) {
			Arguments.email(email);
		}
	}

	/**
	 * Creates a request for a user with the given id and e-mail address.
	 * @param userId the user's id, 1 to 128 characters and not blank
	 * @param email the user's e-mail address, or {@code null} for none
	 * @return the request
	 * @throws LagrelloInvalidArgumentException if an argument is invalid
	 */
	public static CreateUserRequest of(String userId, @Nullable String email) {
		return new CreateUserRequest(userId, email);
	}

}
