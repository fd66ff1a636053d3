package com.lagrello.test;

import java.util.List;

import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import org.jspecify.annotations.Nullable;

/**
 * The API's JSON bodies, written by the fake with its own types rather than the client's,
 * so that a mistake in the client's mapping cannot hide behind the same mistake in the
 * fake.
 */
final class WireFormat {

	private WireFormat() {
	}

	/**
	 * The API's {@code Error} body.
	 */
	record ErrorBody(String errorType, String message) {
	}

	/**
	 * The API's {@code Token}; {@code createdAt} is an ISO-8601 instant.
	 */
	record TokenBody(String tokenKey, String tokenName, String createdBy, String createdAt, List<String> permissions) {

		static TokenBody of(Token token) {
			return new TokenBody(token.tokenKey(), token.tokenName(), token.createdBy(), token.createdAt().toString(),
					token.permissions().stream().map(Permission::value).toList());
		}

	}

	/**
	 * The API's {@code TokenList}.
	 */
	record TokenListBody(List<TokenBody> data, PagingBody paging) {
	}

	/**
	 * The API's {@code Paging}: absolute links, {@code null} when there is no such page.
	 */
	record PagingBody(@Nullable String next, @Nullable String previous) {
	}

}
