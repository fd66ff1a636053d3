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

import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link BlockingTokensClient} bean: {@link TokensClient#blocking(Duration)} of the
 * {@code TokensClient} bean with {@code lagrello.call-timeout}, asked for on the first
 * call rather than at start-up. So the property bounds every blocking call, also over an
 * application's own {@code TokensClient}.
 */
public final class LazyBlockingTokensClient implements BlockingTokensClient {

	private final Supplier<BlockingTokensClient> delegate;

	LazyBlockingTokensClient(Supplier<TokensClient> tokensClient, Duration callTimeout) {
		this.delegate = SingletonSupplier.of(() -> tokensClient.get().blocking(callTimeout));
	}

	@Override
	public Token create(CreateTokenRequest request) {
		return this.delegate.get().create(request);
	}

	@Override
	public TokenList listPage(int page, int size) {
		return this.delegate.get().listPage(page, size);
	}

	@Override
	public Stream<Token> listAll() {
		return this.delegate.get().listAll();
	}

	@Override
	public Stream<Token> listAll(int pageSize) {
		return this.delegate.get().listAll(pageSize);
	}

	@Override
	public void delete(String tokenId) {
		this.delegate.get().delete(tokenId);
	}

	@Override
	public DeleteAllResult deleteAll(Predicate<? super Token> filter) {
		return this.delegate.get().deleteAll(filter);
	}

}
