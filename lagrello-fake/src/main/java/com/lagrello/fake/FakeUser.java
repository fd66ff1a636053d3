package com.lagrello.fake;

import org.jspecify.annotations.Nullable;

/**
 * A user of the fake's tenant, as the API sends it.
 *
 * @param userId the user's id, the application's own
 * @param email the user's e-mail address, {@code null} when the user has none
 */
public record FakeUser(String userId, @Nullable String email) {

	/**
	 * Creates a user.
	 * @throws IllegalArgumentException if the id is {@code null} or blank
	 */
	public FakeUser {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("userId must not be null or blank");
		}
	}

}
