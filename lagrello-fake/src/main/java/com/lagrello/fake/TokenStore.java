package com.lagrello.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The fake's tokens, in creation order, which is also their listing order. Thread-safe:
 * the server's event loops and the test thread use it at the same time.
 */
final class TokenStore {

	/** The permission the API always grants. */
	static final String READ = "READ";

	/** The permission to create and change anything but tokens. */
	static final String WRITE = "WRITE";

	/** The permission to create and delete tokens. */
	static final String ADMIN = "ADMIN";

	private final Object lock = new Object();

	private final List<FakeToken> initial;

	// guarded by lock
	private final Map<String, FakeToken> tokens = new LinkedHashMap<>();

	TokenStore(List<FakeToken> initial) {
		this.initial = List.copyOf(initial);
		reset();
	}

	/**
	 * Makes a token the way the API does: a random key, the current instant, and
	 * {@code READ} whatever was asked for.
	 */
	static FakeToken newToken(String tokenName, String createdBy, Collection<String> permissions) {
		return newToken(UUID.randomUUID().toString(), tokenName, createdBy, permissions);
	}

	static FakeToken newToken(String tokenKey, String tokenName, String createdBy, Collection<String> permissions) {
		Set<String> granted = new LinkedHashSet<>();
		granted.add(READ);
		granted.addAll(permissions);
		return new FakeToken(tokenKey, tokenName, createdBy, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				List.copyOf(granted));
	}

	void reset() {
		synchronized (this.lock) {
			this.tokens.clear();
			this.initial.forEach(this::putNew);
		}
	}

	FakeToken add(FakeToken token) {
		synchronized (this.lock) {
			putNew(token);
			return token;
		}
	}

	private void putNew(FakeToken token) {
		if (this.tokens.putIfAbsent(token.tokenKey(), token) != null) {
			throw new IllegalArgumentException("A token with this key exists already: " + token);
		}
	}

	@Nullable FakeToken find(String tokenKey) {
		synchronized (this.lock) {
			return this.tokens.get(tokenKey);
		}
	}

	boolean remove(String tokenKey) {
		synchronized (this.lock) {
			return this.tokens.remove(tokenKey) != null;
		}
	}

	List<FakeToken> all() {
		synchronized (this.lock) {
			return List.copyOf(this.tokens.values());
		}
	}

	/**
	 * Returns one page of a consistent snapshot.
	 * @param page the page number, from 0
	 * @param size the page size
	 */
	Slice slice(int page, int size) {
		List<FakeToken> snapshot;
		synchronized (this.lock) {
			snapshot = new ArrayList<>(this.tokens.values());
		}
		// long: page * size may exceed an int for absurd page numbers
		long from = Math.min((long) page * size, snapshot.size());
		long to = Math.min(from + size, snapshot.size());
		return new Slice(List.copyOf(snapshot.subList((int) from, (int) to)), to < snapshot.size());
	}

	/**
	 * One page of tokens.
	 *
	 * @param data the tokens of the page
	 * @param hasNext whether tokens follow it
	 */
	record Slice(List<FakeToken> data, boolean hasNext) {
	}

}
