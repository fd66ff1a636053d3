package com.lagrello.autoconfigure;

import java.util.function.Supplier;

import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.UpdateUserRequest;
import com.lagrello.client.User;
import com.lagrello.client.UsersClient;

/**
 * The {@link BlockingUsersClient} bean: the blocking face of the {@link UsersClient}
 * bean, each call bounded by {@code lagrello.call-timeout}, made on the first call rather
 * than at start-up, also over an application's own {@code UsersClient}.
 */
public final class LazyBlockingUsersClient extends LazyBlockingClient<BlockingUsersClient>
		implements BlockingUsersClient {

	LazyBlockingUsersClient(Supplier<BlockingUsersClient> face) {
		super(face);
	}

	@Override
	public User create(CreateUserRequest request) {
		return face().create(request);
	}

	@Override
	public User get(String userId) {
		return face().get(userId);
	}

	@Override
	public User update(String userId, UpdateUserRequest request) {
		return face().update(userId, request);
	}

	@Override
	public void delete(String userId) {
		face().delete(userId);
	}

}
