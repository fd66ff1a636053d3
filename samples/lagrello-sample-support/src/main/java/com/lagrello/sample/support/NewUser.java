package com.lagrello.sample.support;

import com.lagrello.client.CreateUserRequest;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /users} accepts: {@code {"userId": "alice", "email":
 * "alice@example.com"}}, the e-mail address optional.
 *
 * @param userId the new user's id
 * @param email the user's e-mail address, or {@code null}
 */
public record NewUser(String userId, @Nullable String email) {

	/**
	 * Returns the client's request for this user.
	 * @return the request, validated
	 */
	public CreateUserRequest toRequest() {
		return CreateUserRequest.of(this.userId, this.email);
	}

}
