package com.lagrello.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link TokensClient#deleteAll} did: the tokens it deleted (a {@code 404} counts as
 * deleted) and, for each delete that failed, its failure.
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

}
