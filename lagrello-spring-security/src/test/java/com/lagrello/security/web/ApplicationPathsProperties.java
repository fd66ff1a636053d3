package com.lagrello.security.web;

import java.net.URI;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApplicationPaths}: whatever the value, one it accepts keeps the browser on the
 * application's origin.
 */
class ApplicationPathsProperties {

	private static final URI PAGE = URI.create("https://app.example/sign-in/page");

	@Property(tries = 2000)
	void anAcceptedUrlNeverLeavesTheApplication(@ForAll("urls") String url) {
		if (!ApplicationPaths.isApplicationPath(url)) {
			return;
		}
		URI target = PAGE.resolve(URI.create(url));
		assertThat(target.getScheme()).isEqualTo("https");
		assertThat(target.getRawAuthority()).isEqualTo("app.example");
		assertThat(target.getRawPath()).startsWith("/");
	}

	@Provide
	Arbitrary<String> urls() {
		// the characters that make a URL leave an origin, and some that do not
		Arbitrary<String> tails = Arbitraries.strings()
			.withChars('/', '\\', ':', '?', '#', '%', '@', '.', 'a', 'b', '1', ' ', '\t', '\n', '{', '^')
			.ofMaxLength(12);
		return Arbitraries.oneOf(tails, tails.map((tail) -> "/" + tail), tails.map((tail) -> "https:" + tail));
	}

}
