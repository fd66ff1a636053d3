package com.lagrello.client.blocking;

import java.time.Duration;

import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.ClientOptions;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.UpdateUserRequest;
import com.lagrello.client.User;
import com.lagrello.client.UsersClient;

/**
 * {@link BlockingUsersClient} as a thin face over a {@link UsersClient}, waiting with
 * {@link BlockingCalls}: every wait bounded by the call timeout, refused on a
 * non-blocking thread, an interrupt thrown as a {@code LagrelloException} that cancels
 * the call.
 */
public final class BlockingUsersClientAdapter implements BlockingUsersClient {

	private final UsersClient client;

	private final BlockingCalls calls;

	private BlockingUsersClientAdapter(UsersClient client, Duration callTimeout, boolean boundedByClient) {
		this.client = client;
		this.calls = new BlockingCalls("BlockingUsersClient", "UsersClient", callTimeout, boundedByClient);
	}

	/**
	 * The blocking face of any implementation of {@code UsersClient}: each call is
	 * bounded by the adapter's own timer.
	 * @param client the reactive client
	 * @param callTimeout the longest time one call may take
	 * @return the blocking client
	 * @throws com.lagrello.client.LagrelloInvalidArgumentException if the call timeout is
	 * not positive or longer than a day
	 */
	public static BlockingUsersClientAdapter overAnyClient(UsersClient client, Duration callTimeout) {
		ClientOptions.checkTimeout("callTimeout", callTimeout);
		return new BlockingUsersClientAdapter(client, callTimeout, false);
	}

	/**
	 * The blocking face of the library's own client, which bounds each call by the same
	 * call timeout itself: the wait adds no timer of its own.
	 * @param client the reactive client
	 * @param callTimeout the client's call timeout
	 * @return the blocking client
	 */
	public static BlockingUsersClientAdapter overOwnClient(UsersClient client, Duration callTimeout) {
		return new BlockingUsersClientAdapter(client, callTimeout, true);
	}

	@Override
	public User create(CreateUserRequest request) {
		return this.calls.await("users/create", () -> this.client.create(request));
	}

	@Override
	public User get(String userId) {
		return this.calls.await("users/get", () -> this.client.get(userId));
	}

	@Override
	public User update(String userId, UpdateUserRequest request) {
		return this.calls.await("users/update", () -> this.client.update(userId, request));
	}

	@Override
	public void delete(String userId) {
		this.calls.await("users/delete", () -> this.client.delete(userId));
	}

}
