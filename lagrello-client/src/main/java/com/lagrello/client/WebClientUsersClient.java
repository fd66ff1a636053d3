package com.lagrello.client;

import java.net.URI;

import com.lagrello.client.blocking.BlockingUsersClientAdapter;
import com.lagrello.client.call.AnswerRule;
import com.lagrello.client.call.Operation;
import com.lagrello.client.call.RetryRule;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * {@link UsersClient} over the calls of a {@link LagrelloClient}: it states the Users
 * API's operations and builds their requests; the client's call pipeline does the rest.
 * Immutable and thread-safe.
 */
final class WebClientUsersClient implements UsersClient {

	static final String USERS_PATH = "/v1/users";

	static final String USER_PATH = "/v1/users/{userId}";

	/** {@code POST /v1/users}: never sent twice once it may have reached the server. */
	static final Operation CREATE = new Operation("users/create", USERS_PATH, RetryRule.NOT_SENT, AnswerRule.AS_IS);

	/** {@code GET /v1/users/{userId}}: a read. */
	static final Operation GET = new Operation("users/get", USER_PATH, RetryRule.TRANSIENT, AnswerRule.AS_IS);

	/** {@code PATCH /v1/users/{userId}}: an absolute update, the same when repeated. */
	static final Operation UPDATE = new Operation("users/update", USER_PATH, RetryRule.TRANSIENT, AnswerRule.AS_IS);

	/**
	 * {@code DELETE /v1/users/{userId}}: retried on every transient failure, and done on
	 * a {@code 404} after an attempt whose answer was lost.
	 */
	static final Operation DELETE = new Operation("users/delete", USER_PATH, RetryRule.TRANSIENT,
			AnswerRule.GONE_AFTER_LOST_ANSWER);

	private final ApiCalls calls;

	WebClientUsersClient(ApiCalls calls) {
		this.calls = calls;
	}

	@Override
	public Mono<User> create(CreateUserRequest request) {
		return ApiCalls.checked(() -> this.calls.call(CREATE, HttpMethod.POST, this.calls.expand(USERS_PATH),
				Arguments.request(request), User.class));
	}

	@Override
	public Mono<User> get(String userId) {
		return ApiCalls.checked(() -> this.calls.call(GET, HttpMethod.GET, userUrl(userId), null, User.class));
	}

	@Override
	public Mono<User> update(String userId, UpdateUserRequest request) {
		return ApiCalls.checked(() -> this.calls.call(UPDATE, HttpMethod.PATCH, userUrl(userId),
				Arguments.request(request), User.class));
	}

	@Override
	public Mono<Void> delete(String userId) {
		return ApiCalls.checked(() -> this.calls.call(DELETE, HttpMethod.DELETE, userUrl(userId), null, Void.class));
	}

	private URI userUrl(String userId) {
		return this.calls.expand(USER_PATH, Arguments.userId(userId));
	}

	@Override
	public BlockingUsersClient blocking() {
		return BlockingUsersClientAdapter.overOwnClient(this, this.calls.options().callTimeout());
	}

	@Override
	public String toString() {
		return "UsersClient[baseUrl=" + this.calls.options().baseUrl() + "]";
	}

}
