package com.lagrello.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The users of the fake's tenant, in creation order. Thread-safe: the server's event
 * loops and the test thread use it at the same time.
 */
final class UserStore {

	// guarded by this
	private final Map<String, FakeUser> users = new LinkedHashMap<>();

	/**
	 * Adds a user unless one with the same id exists.
	 * @return whether it was added
	 */
	synchronized boolean add(FakeUser user) {
		return this.users.putIfAbsent(user.userId(), user) == null;
	}

	synchronized @Nullable FakeUser find(String userId) {
		return this.users.get(userId);
	}

	/**
	 * Changes a user's e-mail address.
	 * @return the changed user, or {@code null} when there is no such user
	 */
	synchronized @Nullable FakeUser changeEmail(String userId, String email) {
		return this.users.computeIfPresent(userId, (id, user) -> new FakeUser(id, email));
	}

	synchronized boolean remove(String userId) {
		return this.users.remove(userId) != null;
	}

	synchronized List<FakeUser> all() {
		return List.copyOf(this.users.values());
	}

	synchronized void clear() {
		this.users.clear();
	}

}
