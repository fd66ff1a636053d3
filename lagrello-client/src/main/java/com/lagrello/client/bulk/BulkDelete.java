package com.lagrello.client.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloInvalidArgumentException;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.client.call.CallCoordination;
import com.lagrello.client.call.RetryAfterHold;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the tokens that match a filter, safely: a snapshot of every token first (so
 * that deleting does not shift the pages still to be read), never a token the client
 * authenticates with (any access token a request of the batch used, the supplier may
 * rotate while it runs; see {@link BatchAccessTokens}), never a token without a key, a
 * token listed twice (pages shifting while read) deleted and reported once, a bounded
 * number of deletes at a time, a {@code 404} counted as deleted, each failure collected
 * rather than stopping the others, and one {@code Retry-After} (on a {@code 429} or
 * {@code 503}) holding back every delete of the batch not yet started until that time.
 * Bounded by a call timeout as a whole, when it is given one (the blocking
 * {@code deleteAll}): see {@link DeleteAllDeadline}.
 */
public final class BulkDelete {

	private final TokensClient client;

	private final int concurrency;

	private final @Nullable Duration callTimeout;

	/**
	 * Creates a bulk delete over a client.
	 * @param client lists and deletes the tokens
	 * @param concurrency the most deletes at a time
	 */
	public BulkDelete(TokensClient client, int concurrency) {
		this(client, concurrency, null);
	}

	/**
	 * Creates a bulk delete over a client, bounded as a whole by a call timeout. Each
	 * delete tells the batch of the {@code Retry-After} it meets through the
	 * {@link CallCoordination} in its context (a client that does not read it, an
	 * application's own, just deletes).
	 * @param client lists and deletes the tokens
	 * @param concurrency the most deletes at a time
	 * @param callTimeout the longest time the whole batch may take, or {@code null}
	 */
	public BulkDelete(TokensClient client, int concurrency, @Nullable Duration callTimeout) {
		this.client = client;
		this.concurrency = concurrency;
		this.callTimeout = callTimeout;
	}

	/**
	 * Deletes the tokens that match the filter.
	 * @param filter selects the tokens to delete; it sees every token listed
	 * @param accessToken the access token as the client sends it now, or {@code null}
	 * when the client cannot know it
	 * @return the result; fails only when the listing fails or the filter throws, always
	 * with a {@link LagrelloException}
	 */
	public Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter, Supplier<@Nullable String> accessToken) {
		if (filter == null) {
			return Mono.error(new LagrelloInvalidArgumentException("filter", "filter must not be null"));
		}
		return Mono.defer(() -> {
			BatchAccessTokens batch = new BatchAccessTokens();
			String startedWith = accessToken.get();
			if (startedWith != null) {
				batch.used(startedWith);
			}
			DeleteAllDeadline deadline = DeleteAllDeadline.start(this.callTimeout);
			return deadline.bound("tokens/list", this.client.listAll().collectList())
				.onErrorMap((failure) -> !(failure instanceof LagrelloException),
						(failure) -> new LagrelloException(
								"deleteAll failed while listing the tokens: " + failure.getClass().getName(), failure))
				.flatMap((snapshot) -> deleteMatching(snapshot, filter, batch, deadline))
				// every attempt of the batch, listing and deletes, records its token
				.contextWrite(batch::into)
				.doFinally((signal) -> deadline.close());
		});
	}

	private Mono<DeleteAllResult> deleteMatching(List<Token> snapshot, Predicate<? super Token> filter,
			BatchAccessTokens batch, DeleteAllDeadline deadline) {
		List<Token> targets = new ArrayList<>();
		List<Token> own = new ArrayList<>();
		Map<Token, LagrelloException> keyless = new LinkedHashMap<>();
		// offset pages shift when a token is created while they are read: the same token
		// may be listed twice, and is deleted and reported once
		Set<String> listed = new HashSet<>();
		for (Token token : snapshot) {
			if (token.tokenKey() != null && !listed.add(token.tokenKey())) {
				continue;
			}
			if (!matches(filter, token)) {
				continue;
			}
			if (token.tokenKey() == null || token.tokenKey().isBlank()) {
				keyless.put(token, new LagrelloException("deleteAll: the token named " + token.tokenName()
						+ " was not deleted: it has no tokenKey, which is its id; nothing was sent for it"));
			}
			else if (batch.contains(token.tokenKey())) {
				own.add(token);
			}
			else {
				targets.add(token);
			}
		}
		RetryAfterHold holdBack = new RetryAfterHold();
		return Flux.fromIterable(targets)
			.flatMapSequential((token) -> deadline.bound("tokens/delete", holdBack.await()
				// deferred: an application's own delete may throw rather than fail
				.then(Mono.defer(() -> this.client.delete(token.tokenKey()))
					.contextWrite(
							new CallCoordination(deadline.holdingBack(holdBack::until), Mono.<Void>empty())::into)))
				.thenReturn(new Outcome(token, null, false))
				.onErrorResume((failure) -> Mono.just(failed(token, failure, batch))), this.concurrency)
			.collectList()
			.map((outcomes) -> result(outcomes, keyless, own, batch));
	}

	/**
	 * Asks the filter, wrapping what it throws: the batch then stops before any delete.
	 */
	private static boolean matches(Predicate<? super Token> filter, Token token) {
		try {
			return filter.test(token);
		}
		catch (RuntimeException ex) {
			// its message may hold what the token holds: the class only, the cause kept
			throw new LagrelloException("deleteAll deleted nothing: the filter threw " + ex.getClass().getName()
					+ " for the token named " + token.tokenName(), ex);
		}
	}

	private static Outcome failed(Token token, Throwable failure, BatchAccessTokens batch) {
		if (batch.contains(token.tokenKey())) {
			// the delete found it to be an access token of the batch: not sent
			return new Outcome(token, null, true);
		}
		LagrelloException lagrello = (failure instanceof LagrelloException known) ? known
				: new LagrelloException("tokens/delete failed: " + failure.getClass().getName(), failure);
		return new Outcome(token, lagrello, false);
	}

	/**
	 * The client's own token is never deleted and, as long as it is the only access token
	 * of the batch, not reported either: the caller knows it. When the token changed
	 * while the batch ran, every access token of the batch that matched is reported, so
	 * that the caller learns which of them are still there.
	 */
	private static DeleteAllResult result(List<Outcome> outcomes, Map<Token, LagrelloException> keyless,
			List<Token> own, BatchAccessTokens batch) {
		List<Token> deleted = new ArrayList<>();
		Map<Token, LagrelloException> failures = new LinkedHashMap<>(keyless);
		boolean reportOwn = batch.rotated();
		if (reportOwn) {
			own.forEach((token) -> failures.put(token, ownTokenKept()));
		}
		for (Outcome outcome : outcomes) {
			if (outcome.own()) {
				if (reportOwn) {
					failures.put(outcome.token(), ownTokenKept());
				}
			}
			else if (outcome.deleted()) {
				deleted.add(outcome.token());
			}
			else {
				failures.put(outcome.token(), outcome.failure());
			}
		}
		return new DeleteAllResult(deleted, failures);
	}

	private static LagrelloException ownTokenKept() {
		return new LagrelloException("deleteAll: this token was not deleted: the client authenticated with it as its "
				+ "access token during the batch (the access token changed while it ran), and deleteAll never deletes "
				+ "an access token it uses");
	}

	/**
	 * What one delete did.
	 *
	 * @param token the token
	 * @param failure why it failed, or {@code null}
	 * @param own whether it was not sent because the token is an access token of the
	 * batch
	 */
	private record Outcome(Token token, @Nullable LagrelloException failure, boolean own) {

		boolean deleted() {
			// the API's 404: the token is gone, whoever deleted it
			return this.failure == null
					|| (this.failure instanceof LagrelloApiException api && api.statusCode() == 404);
		}

	}

}
