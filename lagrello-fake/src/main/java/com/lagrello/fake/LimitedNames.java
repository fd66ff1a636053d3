package com.lagrello.fake;

/**
 * The API's one rule for a name it limits in length, such as a user's id or a token's
 * name: not blank, and at most so many characters. Characters are counted as the API
 * description's JSON Schema counts a string's length, in Unicode code points, so that an
 * emoji, two UTF-16 units of a Java string, is one.
 */
final class LimitedNames {

	private LimitedNames() {
	}

	/**
	 * Whether a text is a name the API takes.
	 * @param value the text
	 * @param maxLength the most characters (code points) the API takes
	 */
	static boolean isName(String value, int maxLength) {
		return !value.isBlank() && length(value) <= maxLength;
	}

	/**
	 * Returns a text's length in characters as the API counts them: in code points.
	 */
	static int length(String value) {
		return value.codePointCount(0, value.length());
	}

	/**
	 * Returns the rule in words, for a refusal's message.
	 * @param name the name's member, such as {@code userId}
	 * @param maxLength the most characters (code points) the API takes
	 */
	static String rule(String name, int maxLength) {
		return name + " must be 1 to " + maxLength + " characters (code points) and not blank";
	}

}
