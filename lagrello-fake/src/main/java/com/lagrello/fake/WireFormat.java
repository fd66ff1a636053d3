package com.lagrello.fake;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON bodies, written with the fake's own types rather than the client's, so
 * that a mistake in the client's mapping cannot hide behind the same mistake in the fake.
 */
final class WireFormat {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private WireFormat() {
	}

	static String write(Object body) {
		return JSON.writeValueAsString(body);
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

		static TokenBody of(FakeToken token) {
			return new TokenBody(token.tokenKey(), token.tokenName(), token.createdBy(), token.createdAt().toString(),
					token.permissions());
		}

	}

	/**
	 * The API's {@code TokenList}.
	 */
	record TokenListBody(List<TokenBody> data, PagingBody paging) {
	}

	/**
	 * The API's {@code Paging}: links, {@code null} when there is no such page.
	 */
	record PagingBody(@Nullable String next, @Nullable String previous) {
	}

}
