package com.lagrello.client.bulk;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.lagrello.client.TokensClient;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The access tokens the requests of one {@link TokensClient#deleteAll} authenticated
 * with: the one read as the batch starts, and every one an attempt of its listing or of
 * its deletes read from the access token supplier, which may rotate while the batch runs.
 * None of them is deleted by the batch. It travels in the Reactor context of the batch,
 * where each attempt records its token before it is sent. Thread-safe.
 */
public final class BatchAccessTokens {

	private static final String CONTEXT_KEY = BatchAccessTokens.class.getName();

	private final Set<String> used = ConcurrentHashMap.newKeySet();

	/**
	 * Records an access token of the batch.
	 * @param accessToken the token as sent
	 */
	public void used(String accessToken) {
		this.used.add(accessToken);
	}

	/**
	 * Returns the tokens of the batch an attempt belongs to.
	 * @param context the attempt's Reactor context
	 * @return the batch's tokens, or {@code null} outside a batch
	 */
	public static @Nullable BatchAccessTokens of(ContextView context) {
		return context.getOrDefault(CONTEXT_KEY, null);
	}

	/**
	 * Puts these tokens in a Reactor context, for the attempts of the batch to record
	 * theirs.
	 */
	public Context into(Context context) {
		return context.put(CONTEXT_KEY, this);
	}

	/**
	 * Whether a token key is one of the access tokens recorded so far.
	 */
	public boolean contains(@Nullable String tokenKey) {
		return tokenKey != null && this.used.contains(tokenKey);
	}

	/**
	 * Whether the batch's requests authenticated with more than one token: the access
	 * token changed while it ran.
	 */
	public boolean rotated() {
		return this.used.size() > 1;
	}

	@Override
	public String toString() {
		return "BatchAccessTokens[" + this.used.size() + " used]";
	}

}
