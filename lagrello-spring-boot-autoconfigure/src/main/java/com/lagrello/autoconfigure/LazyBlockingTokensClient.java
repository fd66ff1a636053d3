package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;

/**
 * The {@link BlockingTokensClient} bean: {@link TokensClient#blocking(Duration)} of the
 * {@code TokensClient} bean with {@code lagrello.call-timeout}, asked for on the first
 * call rather than at start-up. So the property bounds every blocking call, also over an
 * application's own {@code TokensClient}.
 */
public final class LazyBlockingTokensClient extends LazyBlockingClient<BlockingTokensClient>
		implements BlockingTokensClient {

	LazyBlockingTokensClient(Supplier<TokensClient> tokensClient, Duration callTimeout) {
		super(() -> tokensClient.get().blocking(callTimeout));
	}

	@Override
	public Token create(CreateTokenRequest request) {
		return face().create(request);
	}

	@Override
	public TokenList listPage(int page, int size) {
		return face().listPage(page, size);
	}

	@Override
	public Stream<Token> listAll() {
		return face().listAll();
	}

	@Override
	public Stream<Token> listAll(int pageSize) {
		return face().listAll(pageSize);
	}

	@Override
	public void delete(String tokenId) {
		face().delete(tokenId);
	}

	@Override
	public DeleteAllResult deleteAll(Predicate<? super Token> filter) {
		return face().deleteAll(filter);
	}

}
