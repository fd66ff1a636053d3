package com.lagrello.client;

/**
 * The same client for blocking code, with the rules of {@link BlockingTokensClient}:
 * every call waits at most the client's call timeout and throws the
 * {@link LagrelloException} itself; called on a non-blocking thread (a Reactor or Netty
 * event loop), every method throws a {@code LagrelloException} and sends nothing: use
 * {@link UsersClient} there.
 */
public interface BlockingUsersClient {

	/**
	 * Creates a user, as {@link UsersClient#create} does.
	 * @param request the user's id and e-mail address
	 * @return the created user
	 */
	User create(CreateUserRequest request);

	/**
	 * Fetches a user, as {@link UsersClient#get} does.
	 * @param userId the user's id
	 * @return the user
	 */
	User get(String userId);

	/**
	 * Updates a user's e-mail address, as {@link UsersClient#update} does.
	 * @param userId the user's id
	 * @param request the new e-mail address
	 * @return the updated user
	 */
	User update(String userId, UpdateUserRequest request);

	/**
	 * Deletes a user, as {@link UsersClient#delete} does.
	 * @param userId the user's id
	 */
	void delete(String userId);

}
