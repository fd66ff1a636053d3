package com.lagrello.fake;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any name, the fake counts its length in code points, as the API's JSON Schema does:
 * a name of so many characters is taken or refused alike, whether they are ASCII, BMP or
 * supplementary (two UTF-16 units each).
 */
class LimitedNamesProperties {

	private static final int LIMIT = 128;

	@Property
	void aNameIsTakenExactlyWhenItHasAtMostTheLimitsCodePoints(@ForAll("codePoints") List<Integer> codePoints) {
		String name = codePoints.stream()
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();

		assertThat(LimitedNames.length(name)).isEqualTo(codePoints.size());
		assertThat(LimitedNames.isName(name, LIMIT)).isEqualTo(codePoints.size() <= LIMIT);
	}

	@Provide
	Arbitrary<List<Integer>> codePoints() {
		// letters, so that no name is blank: ASCII, CJK (BMP) and emoji (supplementary)
		Arbitrary<Integer> codePoint = Arbitraries.oneOf(Arbitraries.integers().between('a', 'z'),
				Arbitraries.integers().between(0x4E00, 0x9FFF), Arbitraries.integers().between(0x1F300, 0x1FAFF));
		Arbitrary<List<Integer>> anyLength = codePoint.list().ofMinSize(1).ofMaxSize(2 * LIMIT);
		Arbitrary<List<Integer>> aroundTheLimit = codePoint.list().ofMinSize(LIMIT - 1).ofMaxSize(LIMIT + 1);
		return Arbitraries.oneOf(anyLength, aroundTheLimit);
	}

}
