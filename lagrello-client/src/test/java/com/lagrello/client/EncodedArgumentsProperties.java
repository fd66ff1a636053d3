package com.lagrello.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every user id, code and magic-link token: a user id is one path segment that
 * decodes back to it, and a code or token is the one query value {@code payload} that
 * decodes back to it, whatever characters they hold.
 */
class EncodedArgumentsProperties {

	private static final String BASE_URL = "https://api.example.com:8443/base";

	private static ClientResources resources;

	private static ApiCalls calls;

	@BeforeContainer
	static void calls() {
		ClientOptions options = LagrelloClient.builder().baseUrl(BASE_URL).accessToken("token").options();
		resources = ClientResources.open(options.baseUrl(), options.retryBudget());
		calls = new ApiCalls(options, resources);
	}

	@AfterContainer
	static void close() {
		resources.close();
	}

	@Property(tries = 2000)
	void aUserIdIsOnePathSegmentThatDecodesBackToIt(@ForAll("userIds") String userId) {
		URI url = calls.expand(WebClientAuthClient.TOTP_PATH, userId);

		String path = url.getRawPath();
		assertThat(path).startsWith("/base/v1/users/").endsWith("/totp");
		String segment = path.substring("/base/v1/users/".length(), path.length() - "/totp".length());
		assertThat(segment).doesNotContain("/", "?", "#").isNotIn(".", "..");
		assertThat(UriUtils.decode(segment, StandardCharsets.UTF_8)).isEqualTo(userId);
		assertThat(url.getRawQuery()).isNull();
		assertThat(url.getRawFragment()).isNull();
	}

	@Property(tries = 2000)
	void aCodeIsTheOneQueryValuePayloadThatDecodesBackToIt(@ForAll("secrets") String code) {
		URI url = calls.expand(WebClientAuthClient.MAGIC_LINK_PATH + "?payload={token}", code);

		assertThat(url.getRawPath()).isEqualTo("/base/v1/users/email");
		String query = url.getRawQuery();
		assertThat(query).startsWith("payload=");
		String value = query.substring("payload=".length());
		assertThat(value).doesNotContain("&", "=", "+", "#", " ");
		assertThat(UriUtils.decode(value, StandardCharsets.UTF_8)).isEqualTo(code);
		assertThat(url.getRawFragment()).isNull();
	}

	/**
	 * Whether a text has no lone surrogate, which UTF-8 cannot carry (it is sent as
	 * {@code ?}).
	 */
	private static boolean isWellFormed(String text) {
		return text.codePoints().noneMatch((codePoint) -> codePoint >= 0xD800 && codePoint <= 0xDFFF);
	}

	/**
	 * User ids the API accepts: 1 to 128 characters, not blank, dot segments included.
	 */
	@Provide
	Arbitrary<String> userIds() {
		return Arbitraries
			.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Arguments.MAX_USER_ID_LENGTH),
					Arbitraries.of(".", "..", "a/../b", "%2F", "?x=1#y", "+&= "))
			.filter((userId) -> !userId.isBlank() && isWellFormed(userId));
	}

	@Provide
	Arbitrary<String> secrets() {
		return Arbitraries
			.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80),
					Arbitraries.of("a+b", "a&payload=b", "x=y", "#frag", "100%", "%2B"))
			.filter((secret) -> !secret.isBlank() && isWellFormed(secret));
	}

}
