package com.lagrello.client;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every template of the API and any values: a {@link UrlTemplate} expands to the URL
 * the client's URI builder factory (values encoded only) would build, though it parsed
 * the template once; and a dot segment is encoded, which that factory leaves as it is.
 */
class UrlTemplateProperties {

	private static final List<String> TEMPLATES = List.of(WebClientTokensClient.TOKENS_PATH,
			WebClientTokensClient.TOKEN_PATH, WebClientUsersClient.USERS_PATH, WebClientUsersClient.USER_PATH,
			WebClientAuthClient.TOTP_PATH, WebClientAuthClient.TOTP_PATH + "?payload={code}",
			WebClientAuthClient.EMAIL_PATH, WebClientAuthClient.MAGIC_LINK_PATH + "?payload={token}",
			WebClientTenantClient.TENANT_PATH);

	@Property(tries = 2000)
	void expandsAsTheFactoryWould(@ForAll("baseUrls") String baseUrl, @ForAll("templates") String template,
			@ForAll("values") String first, @ForAll("values") String second) {
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(baseUrl);
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		String[] values = List.of(first, second)
			.subList(0, (int) template.chars().filter((c) -> c == '{').count())
			.toArray(String[]::new);

		assertThat(UrlTemplate.of(uris, template).expand(values)).isEqualTo(uris.expand(template, (Object[]) values));
	}

	@Property(tries = 100)
	void encodesADotSegment(@ForAll("templates") String template) {
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory("https://api.example.com");
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		UrlTemplate made = UrlTemplate.of(uris, template);
		String[] dots = new String[(int) template.chars().filter((c) -> c == '{').count()];
		Arrays.fill(dots, "..");

		assertThat(made.expand(dots).getRawPath()).doesNotContain("/../").doesNotEndWith("/..");
		assertThat(UrlTemplate.encode(".")).isEqualTo("%2E");
		assertThat(UrlTemplate.encode("..")).isEqualTo("%2E%2E");
	}

	@Provide
	Arbitrary<String> templates() {
		return Arbitraries.of(TEMPLATES);
	}

	@Provide
	Arbitrary<String> baseUrls() {
		return Arbitraries.of("https://api.example.com", "https://api.example.com:8443/base", "http://127.0.0.1:8080",
				"https://api.example.com/a/b%20c", "https://xn--bcher-kva.example/v");
	}

	/** Values of any characters but dot segments, which the factory would not encode. */
	@Provide
	Arbitrary<String> values() {
		return Arbitraries
			.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60),
					Arbitraries.of("a/../b", "%2F", "?x=1#y", "+&= ", "{id}", "LAGRELLOxVAR0x"))
			.filter((value) -> !value.equals(".") && !value.equals("..")
					&& value.codePoints().noneMatch((c) -> c >= 0xD800 && c <= 0xDFFF));
	}

}
