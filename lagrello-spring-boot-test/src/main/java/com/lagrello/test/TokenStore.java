package com.lagrello.test;

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

import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import org.jspecify.annotations.Nullable;

/**
 * The fake's tokens, in creation order, which is also their listing order. Thread-safe:
 * the server's event loops and the test thread use it at the same time.
 */
final class TokenStore {

	private final Object lock = new Object();

	private final List<Token> initial;

	// guarded by lock
	private final Map<String, Token> tokens = new LinkedHashMap<>();

	TokenStore(List<Token> initial) {
		this.initial = List.copyOf(initial);
		reset();
	}

	/**
	 * Makes a token the way the API does: a random key, the current instant, and
	 * {@link Permission#READ} whatever was asked for.
	 */
	static Token newToken(String tokenName, String createdBy, Collection<Permission> permissions) {
		return newToken(UUID.randomUUID().toString(), tokenName, createdBy, permissions);
	}

	static Token newToken(String tokenKey, String tokenName, String createdBy, Collection<Permission> permissions) {
		Set<Permission> granted = new LinkedHashSet<>();
		granted.add(Permission.READ);
		granted.addAll(permissions);
		return new Token(tokenKey, tokenName, createdBy, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				List.copyOf(granted));
	}

	void reset() {
		synchronized (this.lock) {
			this.tokens.clear();
			this.initial.forEach(this::putNew);
		}
	}

	Token add(Token token) {
		synchronized (this.lock) {
			putNew(token);
			return token;
		}
	}

	private void putNew(Token token) {
		if (this.tokens.putIfAbsent(token.tokenKey(), token) != null) {
			throw new IllegalArgumentException("A token with this key exists already: " + token);
		}
	}

	@Nullable Token find(String tokenKey) {
		synchronized (this.lock) {
			return this.tokens.get(tokenKey);
		}
	}

	boolean remove(String tokenKey) {
		synchronized (this.lock) {
			return this.tokens.remove(tokenKey) != null;
		}
	}

	List<Token> all() {
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
		List<Token> snapshot;
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
	record Slice(List<Token> data, boolean hasNext) {
	}

}
