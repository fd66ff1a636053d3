package com.lagrello.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What {@link TokensClient#deleteAll} did: the tokens it deleted (a {@code 404} counts as
 * deleted) and, for each matching token it did not delete, why.
 * <p>
 * Token keys are credentials: {@link #toString()} and the JSON that Jackson writes for a
 * result (a controller may return one as it is) show them masked, and the JSON holds each
 * failure's message, status and error type, not the exception with its stack trace; see
 * {@link #summary()}.
 *
 * @param deleted the tokens deleted, in the order their deletes completed
 * @param failures the tokens not deleted, with why
 */
public record DeleteAllResult(List<Token> deleted, Map<Token, LagrelloException> failures) {

	/**
	 * Creates a result, keeping copies.
	 */
	public DeleteAllResult {
		deleted = List.copyOf(deleted);
		failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
	}

	/**
	 * Returns this result without secrets or stack traces, as Jackson writes it:
	 * {@code deleted}, a list of tokens, and {@code failures}, a list of {@code {token,
	 * error}} with {@code status} and {@code errorType} where the API answered with an
	 * error. A token is {@code {tokenKey, tokenName}}, its key masked as in
	 * {@link Token#toString()}; {@code error} is the failure's message.
	 * @return the summary, in the order of {@link #deleted()} and {@link #failures()}
	 */
	@JsonValue
	public Map<String, Object> summary() {
		List<Map<String, Object>> failed = new ArrayList<>();
		this.failures.forEach((token, failure) -> failed.add(failure(token, failure)));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("deleted", this.deleted.stream().map(DeleteAllResult::token).toList());
		summary.put("failures", failed);
		return summary;
	}

	private static Map<String, Object> token(Token token) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("tokenKey", Secrets.mask(token.tokenKey()));
		summary.put("tokenName", token.tokenName());
		return summary;
	}

	private static Map<String, Object> failure(Token token, LagrelloException failure) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("token", token(token));
		summary.put("error", failure.getMessage());
		if (failure instanceof LagrelloApiException api) {
			summary.put("status", api.statusCode());
			summary.put("errorType", api.errorType());
		}
		return summary;
	}

}
