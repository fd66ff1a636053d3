package com.lagrello.client.call;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says why an answer could not be read without quoting it: Jackson's own messages quote
 * the offending value or token, and an answer may hold a secret (a TOTP secret key, a
 * {@code qrImage} link, a token).
 */
final class UnreadableAnswer {

	private UnreadableAnswer() {
	}

	/**
	 * Describes a failure by the JSON path and the expected type, or by the position of
	 * malformed JSON.
	 * @param failure what Jackson signalled
	 * @return a description that holds nothing of the answer's values
	 */
	static String describe(JacksonException failure) {
		String path = failure.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."));
		if (!path.isEmpty()) {
			String expected = (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null)
					? " is not a valid " + mismatch.getTargetType().getSimpleName() : " is not valid";
			return "the field " + path + expected;
		}
		TokenStreamLocation location = failure.getLocation();
		return (location != null)
				? "malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "malformed JSON";
	}

}
