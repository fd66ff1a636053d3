package com.lagrello.client.paging;

import java.net.URI;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one notion of "the same origin": checking a URL in place says what comparing the
 * origins of both URLs says, for every spelling of scheme, host, port and user info.
 */
class OriginProperties {

	@Property(tries = 1000)
	void aUrlIsOfAnOriginExactlyWhenTheirOriginsAreEqual(@ForAll("urls") String origin, @ForAll("urls") String url) {
		Origin of = Origin.of(URI.create(origin));
		URI checked = URI.create(url);

		assertThat(of.isOriginOf(checked)).isEqualTo(of.equals(Origin.of(checked)));
	}

	@Property(tries = 200)
	void aUrlIsOfItsOwnOrigin(@ForAll("urls") String url) {
		assertThat(Origin.of(URI.create(url)).isOriginOf(URI.create(url))).isTrue();
	}

	@Provide
	Arbitrary<String> urls() {
		Arbitrary<String> scheme = Arbitraries.of("http://", "HTTP://", "https://", "HtTpS://", "ftp://", "");
		Arbitrary<String> userInfo = Arbitraries.of("", "someone@", "a:b@");
		Arbitrary<String> host = Arbitraries.of("api.lagrello.example", "API.Lagrello.EXAMPLE", "127.0.0.1", "[::1]",
				"other.example");
		Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":8443", ":21");
		return Combinators.combine(scheme, userInfo, host, port)
			.as((s, u, h, p) -> s.isEmpty() ? "/v1/tokens?page=1" : s + u + h + p + "/v1/tokens?page=1");
	}

}
