package com.lagrello.client;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * For every text around a length limit, with characters outside the Basic Multilingual
 * Plane (two UTF-16 units each): it is accepted exactly when it has at most as many code
 * points as the limit, as the API counts a string's length (JSON Schema).
 */
class ArgumentLengthProperties {

	@Property(tries = 500)
	void aUserIdIsAcceptedUpToItsLimitInCodePoints(@ForAll("aroundTheLimit") List<Integer> codePoints) {
		String userId = text(codePoints);

		if (codePoints.size() <= Arguments.MAX_USER_ID_LENGTH) {
			assertThat(Arguments.userId(userId)).isEqualTo(userId);
		}
		else {
			assertThatExceptionOfType(LagrelloInvalidArgumentException.class).isThrownBy(() -> Arguments.userId(userId))
				.withMessage("userId must be at most 128 characters, but has " + codePoints.size())
				.satisfies((refused) -> assertThat(refused.argument()).isEqualTo("userId"));
		}
	}

	@Property(tries = 500)
	void aTokenNameIsAcceptedUpToItsLimitInCodePoints(@ForAll("aroundTheLimit") List<Integer> codePoints) {
		String tokenName = text(codePoints);

		if (codePoints.size() <= CreateTokenRequest.MAX_TOKEN_NAME_LENGTH) {
			assertThat(CreateTokenRequest.of(tokenName, Permission.READ).tokenName()).isEqualTo(tokenName);
		}
		else {
			assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
				.isThrownBy(() -> CreateTokenRequest.of(tokenName, Permission.READ))
				.withMessage("tokenName must be at most 128 characters, but has " + codePoints.size())
				.satisfies((refused) -> assertThat(refused.argument()).isEqualTo("tokenName"));
		}
	}

	/**
	 * 126 to 130 code points (both limits are 128), letters, CJK and emoji mixed.
	 */
	@Provide
	Arbitrary<List<Integer>> aroundTheLimit() {
		Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between('a', 'z')),
				Tuple.of(1, Arbitraries.integers().between(0x4E00, 0x9FFF)),
				Tuple.of(3, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
				Tuple.of(1, Arbitraries.integers().between(0x20000, 0x2A6DF)));
		return codePoint.list().ofMinSize(126).ofMaxSize(130);
	}

	private static String text(List<Integer> codePoints) {
		return new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0, codePoints.size());
	}

}
