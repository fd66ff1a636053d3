package com.lagrello.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the tokens that match a filter, safely: a snapshot of every token first (so
 * that deleting does not shift the pages still to be read), never the token the client
 * authenticates with, a bounded number of deletes at a time, a {@code 404} counted as
 * deleted, each failure collected rather than stopping the others, and one
 * {@code Retry-After} (on a {@code 429} or {@code 503}) holding back every delete of the
 * batch not yet started until that time. Bounded by a call timeout as a whole, when it is
 * given one (the blocking {@code deleteAll}): see {@link DeleteAllDeadline}.
 */
final class BulkDelete {

	private final TokensClient client;

	private final BiFunction<String, Consumer<Duration>, Mono<Void>> delete;

	private final int concurrency;

	private final @Nullable Duration callTimeout;

	/**
	 * Creates a bulk delete over a client.
	 * @param client lists the tokens
	 * @param delete deletes one token and reports each {@code Retry-After} it meets
	 * @param concurrency the most deletes at a time
	 */
	BulkDelete(TokensClient client, BiFunction<String, Consumer<Duration>, Mono<Void>> delete, int concurrency) {
		this(client, delete, concurrency, null);
	}

	/**
	 * Creates a bulk delete over a client, bounded as a whole by a call timeout.
	 * @param client lists the tokens
	 * @param delete deletes one token and reports each {@code Retry-After} it meets
	 * @param concurrency the most deletes at a time
	 * @param callTimeout the longest time the whole batch may take, or {@code null}
	 */
	BulkDelete(TokensClient client, BiFunction<String, Consumer<Duration>, Mono<Void>> delete, int concurrency,
			@Nullable Duration callTimeout) {
		this.client = client;
		this.delete = delete;
		this.concurrency = concurrency;
		this.callTimeout = callTimeout;
	}

	Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter, @Nullable String ownTokenKey) {
		if (filter == null) {
			return Mono.error(new LagrelloInvalidArgumentException("filter", "filter must not be null"));
		}
		return Mono.defer(() -> {
			DeleteAllDeadline deadline = DeleteAllDeadline.start(this.callTimeout);
			return deleteAll(filter, ownTokenKey, deadline).doFinally((signal) -> deadline.close());
		});
	}

	private Mono<DeleteAllResult> deleteAll(Predicate<? super Token> filter, @Nullable String ownTokenKey,
			DeleteAllDeadline deadline) {
		return deadline.bound("tokens/list", this.client.listAll().collectList()).flatMap((snapshot) -> {
			List<Token> targets = snapshot.stream()
				.filter((token) -> !token.tokenKey().equals(ownTokenKey))
				.filter(filter)
				.toList();
			RetryAfterHold holdBack = new RetryAfterHold();
			Map<Token, LagrelloException> failures = new LinkedHashMap<>();
			return Flux.fromIterable(targets)
				.flatMapSequential(
						(token) -> deadline
							.bound("tokens/delete",
									holdBack.await()
										.then(this.delete.apply(token.tokenKey(),
												deadline.holdingBack(holdBack::until))))
							.thenReturn(new Outcome(token, null))
							.onErrorResume(LagrelloException.class,
									(failure) -> Mono.just(new Outcome(token, failure))),
						this.concurrency)
				.collectList()
				.map((outcomes) -> {
					List<Token> deleted = outcomes.stream().filter(Outcome::deleted).map(Outcome::token).toList();
					outcomes.stream()
						.filter((outcome) -> !outcome.deleted())
						.forEach((outcome) -> failures.put(outcome.token(), outcome.failure()));
					return new DeleteAllResult(deleted, failures);
				});
		});
	}

	private record Outcome(Token token, @Nullable LagrelloException failure) {

		boolean deleted() {
			// the API's 404: the token is gone, whoever deleted it
			return this.failure == null
					|| (this.failure instanceof LagrelloApiException api && api.statusCode() == 404);
		}

	}

}
