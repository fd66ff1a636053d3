package com.lagrello.fake;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The magic links the fake has "e-mailed": each is the tenant's callback URL with a fresh
 * random token in place of {@code {}}, and each token signs its user in once.
 * Thread-safe.
 */
final class MagicLinks {

	/** What a callback URL holds where the token goes. */
	static final String TOKEN_PLACEHOLDER = "{}";

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	// guarded by this: the links sent to each user, oldest first
	private final Map<String, List<String>> sent = new HashMap<>();

	// guarded by this: the tokens not redeemed yet
	private final Map<String, Pending> pending = new HashMap<>();

	/**
	 * Sends a user a link with a new token.
	 * @param callbackUrl the tenant's callback URL, holding {@code {}}
	 * @return the link
	 */
	synchronized String send(String userId, String callbackUrl) {
		// URL-safe Base64: the token needs no encoding wherever {} stands in the URL
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String link = callbackUrl.replace(TOKEN_PLACEHOLDER, token);
		this.pending.put(token, new Pending(userId, false));
		this.sent.computeIfAbsent(userId, (id) -> new ArrayList<>()).add(link);
		return link;
	}

	/**
	 * Redeems a token, which can happen once.
	 * @return whose token it was, or {@code null} for a token that was never sent or is
	 * used
	 */
	synchronized @Nullable Pending redeem(String token) {
		return this.pending.remove(token);
	}

	/**
	 * Returns the links sent to a user, oldest first.
	 */
	synchronized List<String> sentTo(String userId) {
		return List.copyOf(this.sent.getOrDefault(userId, List.of()));
	}

	/**
	 * Forgets a deleted user's links; the user's tokens not redeemed yet now name a user
	 * that is gone, also when a user with the same id is created again.
	 */
	synchronized void userDeleted(String userId) {
		this.sent.remove(userId);
		this.pending.replaceAll((token, link) -> link.userId().equals(userId) ? new Pending(userId, true) : link);
	}

	synchronized void clear() {
		this.sent.clear();
		this.pending.clear();
	}

	/**
	 * A token not redeemed yet.
	 *
	 * @param userId the user it was sent to
	 * @param userDeleted whether that user has been deleted since
	 */
	record Pending(String userId, boolean userDeleted) {
	}

}
