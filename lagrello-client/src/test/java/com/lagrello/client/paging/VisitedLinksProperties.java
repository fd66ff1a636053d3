package com.lagrello.client.paging;

import java.net.URI;

import com.lagrello.client.LagrelloPagingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The cycle guard's notion of "the same link", for every link: the same request whatever
 * the fragment or the case of scheme and host, another request whatever it differs in.
 */
class VisitedLinksProperties {

	@Property(tries = 500)
	void aLinkAgainIsACycleWhateverItsFragmentOrTheCaseOfItsOrigin(@ForAll("links") String link,
			@ForAll("fragments") String fragment) {
		VisitedLinks visited = new VisitedLinks(10);
		visited.visit(URI.create(link));
		URI again = URI.create(upperCaseOrigin(link) + fragment);
		assertThatExceptionOfType(LagrelloPagingException.class).isThrownBy(() -> visited.visit(again))
			.withMessageContaining("cycle");
	}

	@Property(tries = 200)
	void userInfoAndTheDefaultPortMakeNoOtherLink(@ForAll("links") String link) {
		VisitedLinks visited = new VisitedLinks(10);
		URI uri = URI.create(link);
		visited.visit(uri);
		int port = (uri.getPort() != -1) ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
		URI respelled = URI.create(uri.getScheme() + "://someone@" + uri.getHost() + ":" + port + uri.getRawPath() + "?"
				+ uri.getRawQuery());
		assertThatExceptionOfType(LagrelloPagingException.class).isThrownBy(() -> visited.visit(respelled));
	}

	@Property(tries = 500)
	void linksThatAskForAnotherPageAreNoCycle(@ForAll("links") String first, @ForAll("links") String second) {
		VisitedLinks visited = new VisitedLinks(10);
		visited.visit(URI.create(first));
		URI other = URI.create(second);
		if (URI.create(first).equals(other)) {
			return;
		}
		assertThatNoException().isThrownBy(() -> visited.visit(other));
	}

	@Property(tries = 200)
	void pathAndQueryKeepTheirCase(@ForAll("links") String link) {
		VisitedLinks visited = new VisitedLinks(10);
		visited.visit(URI.create(link));
		String swapped = link.substring(0, link.indexOf("/v1")) + link.substring(link.indexOf("/v1")).toUpperCase();
		assertThatNoException().isThrownBy(() -> visited.visit(URI.create(swapped)));
	}

	@Property(tries = 100)
	void theMessageOfACycleShowsNeitherTheUserInfoNorTheQuery(@ForAll("links") String link) {
		VisitedLinks visited = new VisitedLinks(10);
		URI uri = URI.create(link);
		URI withUserInfo = URI.create(uri.getScheme() + "://someone:s3cret@" + uri.getRawAuthority() + uri.getRawPath()
				+ "?" + uri.getRawQuery());
		visited.visit(withUserInfo);
		assertThatExceptionOfType(LagrelloPagingException.class).isThrownBy(() -> visited.visit(withUserInfo))
			.withMessageNotContaining("s3cret")
			.withMessageNotContaining(uri.getRawQuery());
	}

	@Provide
	Arbitrary<String> links() {
		Arbitrary<String> scheme = Arbitraries.of("http", "https");
		Arbitrary<String> host = Arbitraries.of("api.lagrello.example", "127.0.0.1", "[::1]",
				"api.lagrello.example:8443");
		Arbitrary<String> query = Arbitraries.strings()
			.withChars("abcxyz019=&%-_.")
			.ofMinLength(0)
			.ofMaxLength(40)
			.map((text) -> "?cursor=" + text.replace("%", "%25"));
		return Combinators.combine(scheme, host, query).as((s, h, q) -> s + "://" + h + "/v1/tokens" + q);
	}

	@Provide
	Arbitrary<String> fragments() {
		return Arbitraries.strings().withChars("abc123").ofMaxLength(8).map((text) -> "#" + text);
	}

	private static String upperCaseOrigin(String link) {
		int path = link.indexOf("/v1");
		return link.substring(0, path).toUpperCase() + link.substring(path);
	}

}
