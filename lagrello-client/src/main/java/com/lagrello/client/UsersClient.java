package com.lagrello.client;

import reactor.core.publisher.Mono;

/**
 * The Users API of Lagrello: the users of the tenant the access token belongs to. Invalid
 * arguments fail with a {@link LagrelloInvalidArgumentException} and nothing is sent; a
 * user id is sent percent-encoded as one path segment. Get one from
 * {@link LagrelloClient#users()}. Implementations are immutable and thread-safe.
 */
public interface UsersClient {

	/**
	 * Creates a user ({@code POST /v1/users}), never sent twice once it may have reached
	 * the server: retried only when the connection could not be made.
	 * @param request the user's id and e-mail address
	 * @return the created user
	 */
	Mono<User> create(CreateUserRequest request);

	/**
	 * Fetches a user ({@code GET /v1/users/{userId}}); an unknown user fails with a
	 * {@link LagrelloApiException} of status {@code 404}.
	 * @param userId the user's id
	 * @return the user
	 */
	Mono<User> get(String userId);

	/**
	 * Updates a user's e-mail address ({@code PATCH /v1/users/{userId}}).
	 * @param userId the user's id
	 * @param request the new e-mail address
	 * @return the updated user
	 */
	Mono<User> update(String userId, UpdateUserRequest request);

	/**
	 * Deletes a user ({@code DELETE /v1/users/{userId}}). A {@code 404} to a retry that
	 * followed an attempt which may have been applied completes the call, as
	 * {@link TokensClient#delete} does.
	 * @param userId the user's id
	 * @return completion once the user is deleted
	 */
	Mono<Void> delete(String userId);

	/**
	 * Returns this client for blocking code, with the client's call timeout.
	 * @return the blocking face of this client
	 */
	BlockingUsersClient blocking();

}
