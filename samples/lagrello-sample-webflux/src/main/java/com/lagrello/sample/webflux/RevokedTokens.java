package com.lagrello.sample.webflux;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.Token;

/**
 * What a revocation by name prefix did, by token name: the keys stay out of the answer.
 *
 * @param deleted the names of the revoked tokens
 * @param failed the names of the tokens that could not be revoked, with why
 */
record RevokedTokens(List<String> deleted, Map<String, String> failed) {

	static RevokedTokens of(DeleteAllResult result) {
		return new RevokedTokens(result.deleted().stream().map(Token::tokenName).toList(),
				result.failures()
					.entrySet()
					.stream()
					.collect(Collectors.toMap((failure) -> failure.getKey().tokenName(),
							(failure) -> failure.getValue().getMessage(), (first, second) -> first)));
	}

}
