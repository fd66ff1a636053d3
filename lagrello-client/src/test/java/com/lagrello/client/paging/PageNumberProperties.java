package com.lagrello.client.paging;

import java.net.URI;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which links are the client's own page-number links, for every query: {@code size} and
 * at most a {@code page}, in either order, each once, each a number as the client writes
 * it.
 */
class PageNumberProperties {

	private static final URI TOKENS = URI.create("https://api.lagrello.example/v1/tokens");

	private static final String NUMBER = "(0|[1-9][0-9]{0,17})";

	private static final Pattern OWN = Pattern
		.compile("size=" + NUMBER + "|page=" + NUMBER + "&size=" + NUMBER + "|size=" + NUMBER + "&page=" + NUMBER);

	@Property(tries = 2000)
	void aLinkIsAPageNumberLinkExactlyWhenItIsSpelledAsTheClientSpellsIt(@ForAll("queries") String query) {
		PageNumber number = PageNumber.of(URI.create(TOKENS + "?" + query), TOKENS);

		boolean spelledAsOwn = OWN.matcher(query).matches() && isPageSize(query);
		Statistics.label("own spelling").collect(spelledAsOwn);
		assertThat(number != null).as(query).isEqualTo(spelledAsOwn);
		if (number != null) {
			assertThat(number.isAskedForBy(number.link())).isTrue();
			assertThat(number.link().getRawQuery()).isEqualTo(number.query());
		}
	}

	@Provide
	Arbitrary<String> queries() {
		Arbitrary<String> token = Arbitraries.oneOf(
				Arbitraries.of("page", "size", "=", "&", "0", "1", "01", "+1", "%31"),
				Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20));
		Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.of("0", "01", "+1", "%31", "2147483648"),
				Arbitraries.longs().between(0, 999_999_999_999_999_999L).map(String::valueOf));
		Arbitrary<String> nearlyOwn = Combinators
			.combine(Arbitraries.of("page=", "size=", "pag=", "size=="), number, Arbitraries.of("&", "&&", ""),
					Arbitraries.of("page=", "size=", "page"), number)
			.as((a, b, c, d, e) -> a + b + c + d + e);
		Arbitrary<String> single = number.map((n) -> "size=" + n);
		return Arbitraries.frequencyOf(
				Tuple.of(2, token.list().ofMinSize(1).ofMaxSize(8).map((parts) -> String.join("", parts))),
				Tuple.of(3, nearlyOwn), Tuple.of(1, single));
	}

	private static boolean isPageSize(String query) {
		String size = query.replaceAll("(.*&)?size=([0-9]+)(&.*)?", "$2");
		return size.length() < 11 && Long.parseLong(size) >= 1 && Long.parseLong(size) <= Integer.MAX_VALUE;
	}

}
