package com.lagrello.client.blocking;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.ClientOptions;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import reactor.core.publisher.Mono;

/**
 * {@link BlockingTokensClient} as a thin face over a {@link TokensClient}, waiting with
 * {@link BlockingCalls}, the one place of the library that blocks. Every wait is bounded
 * by the call timeout, also for an implementation of {@code TokensClient} other than the
 * library's own, and {@code deleteAll} as a whole. An interrupt of the waiting thread
 * cancels the call and is thrown as a {@link LagrelloException}, the thread's interrupt
 * flag kept.
 */
public final class BlockingTokensClientAdapter implements BlockingTokensClient {

	private final TokensClient client;

	private final BlockingCalls calls;

	private final Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll;

	private BlockingTokensClientAdapter(TokensClient client, Duration callTimeout, boolean boundedByClient,
			Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll) {
		this.client = client;
		this.calls = new BlockingCalls("BlockingTokensClient", "TokensClient", callTimeout, boundedByClient);
		this.deleteAll = deleteAll;
	}

	/**
	 * The blocking face of any implementation of {@code TokensClient}: each call, and
	 * {@code deleteAll} as a whole, is bounded by the adapter's own timer.
	 */
	public static BlockingTokensClientAdapter overAnyClient(TokensClient client, Duration callTimeout) {
		ClientOptions.checkTimeout("callTimeout", callTimeout);
		return new BlockingTokensClientAdapter(client, callTimeout, false, client::deleteAll);
	}

	/**
	 * The blocking face of the library's own client, which bounds each call by the same
	 * call timeout itself: the wait adds no timer of its own.
	 * @param deleteAll the client's {@code deleteAll} bounded as a whole by the call
	 * timeout, which tells what it deleted before the time ran out
	 */
	public static BlockingTokensClientAdapter overOwnClient(TokensClient client, Duration callTimeout,
			Function<Predicate<? super Token>, Mono<DeleteAllResult>> deleteAll) {
		return new BlockingTokensClientAdapter(client, callTimeout, true, deleteAll);
	}

	@Override
	public Token create(CreateTokenRequest request) {
		return this.calls.await("tokens/create", () -> this.client.create(request));
	}

	@Override
	public TokenList listPage(int page, int size) {
		return this.calls.await("tokens/list", () -> this.client.listPage(page, size));
	}

	@Override
	public Stream<Token> listAll() {
		return this.calls.stream("tokens/list", this.client::listAll);
	}

	@Override
	public Stream<Token> listAll(int pageSize) {
		return this.calls.stream("tokens/list", () -> this.client.listAll(pageSize));
	}

	@Override
	public void delete(String tokenId) {
		this.calls.await("tokens/delete", () -> this.client.delete(tokenId));
	}

	@Override
	public DeleteAllResult deleteAll(Predicate<? super Token> filter) {
		return this.calls.await("tokens/delete", () -> this.deleteAll.apply(filter));
	}

}
