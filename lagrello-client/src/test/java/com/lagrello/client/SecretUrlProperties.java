package com.lagrello.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every secret a URL carries (a token's key as a path segment, a code or magic-link
 * token as a query value): WebClient sees the URL with the secret masked, and the
 * client's connector, or the last filter in front of a connector that is not the
 * client's, hands on exactly the URL the client would build for that secret, from the
 * context the client's first filter puts it in.
 */
class SecretUrlProperties {

	private static final DefaultUriBuilderFactory URIS = uris();

	private static DefaultUriBuilderFactory uris() {
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory("https://api.example.com:8443/base");
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		return uris;
	}

	/** Records the URL it is asked to connect to, and answers nothing. */
	private static ClientHttpConnector recording(AtomicReference<URI> sent) {
		return (method, uri, callback) -> {
			sent.set(uri);
			return Mono.<ClientHttpResponse>empty();
		};
	}

	@Property(tries = 1000)
	void theConnectorGetsTheRealPathAndWebClientOnlyTheMask(@ForAll("secrets") String key) {
		SecretUrl url = SecretUrl.of(UrlTemplate.of(URIS, WebClientTokensClient.TOKEN_PATH), key, Secrets.mask(key));
		AtomicReference<URI> sent = new AtomicReference<>();

		url.carriedBy(new UnmaskingConnector(recording(sent)).connect(HttpMethod.DELETE, url.masked(),
				(request) -> Mono.empty()))
			.block();

		assertThat(sent.get()).isEqualTo(URIS.expand(WebClientTokensClient.TOKEN_PATH, key));
		assertThat(url.masked().toString()).startsWith("https://api.example.com:8443/base/v1/tokens/****");
		assertThat(url.masked().getRawPath()).doesNotContain(key);
	}

	@Property(tries = 1000)
	void theConnectorGetsTheRealQueryValueAndWebClientOnlyTheMask(@ForAll("secrets") String code) {
		String template = WebClientAuthClient.TOTP_PATH + "?payload={code}";
		SecretUrl url = SecretUrl.of(UrlTemplate.of(URIS, template), code, Secrets.MASK, "user-1");
		AtomicReference<URI> sent = new AtomicReference<>();

		url.carriedBy(new UnmaskingConnector(recording(sent)).connect(HttpMethod.GET, url.masked(),
				(request) -> Mono.empty()))
			.block();

		assertThat(sent.get()).isEqualTo(URIS.expand(template, "user-1", code));
		assertThat(sent.get().getRawQuery()).startsWith("payload=").doesNotContain("&", "+", "#").hasSizeGreaterThan(8);
		assertThat(url.masked()).hasToString("https://api.example.com:8443/base/v1/users/user-1/totp?payload=****");
	}

	@Property(tries = 200)
	void theLastFilterHandsOnTheRealUrl(@ForAll("secrets") String key) {
		SecretUrl url = SecretUrl.of(UrlTemplate.of(URIS, WebClientTokensClient.TOKEN_PATH), key, Secrets.mask(key));
		ClientRequest request = ClientRequest.create(HttpMethod.DELETE, url.masked())
			.attribute(SecretUrl.ATTRIBUTE, url)
			.build();
		AtomicReference<URI> sent = new AtomicReference<>();

		SecretUrl.INTO_CONTEXT.filter(request, (carried) -> SecretUrl.FILTER.filter(carried, (handed) -> {
			sent.set(handed.url());
			return Mono.<ClientResponse>empty();
		})).block();

		assertThat(sent.get()).isEqualTo(url.real());
	}

	@Property(tries = 200)
	void theFirstFilterHandsTheRealUrlToTheClientsConnector(@ForAll("secrets") String key) {
		SecretUrl url = SecretUrl.of(UrlTemplate.of(URIS, WebClientTokensClient.TOKEN_PATH), key, Secrets.mask(key));
		ClientRequest request = ClientRequest.create(HttpMethod.DELETE, url.masked())
			.attribute(SecretUrl.ATTRIBUTE, url)
			.build();
		AtomicReference<URI> handed = new AtomicReference<>();
		AtomicReference<URI> sent = new AtomicReference<>();

		SecretUrl.INTO_CONTEXT.filter(request, (next) -> {
			handed.set(next.url());
			return new UnmaskingConnector(recording(sent)).connect(next.method(), next.url(), (each) -> Mono.empty())
				.then(Mono.<ClientResponse>empty());
		}).block();

		assertThat(handed.get()).isEqualTo(url.masked());
		assertThat(sent.get()).isEqualTo(url.real());
	}

	@Property(tries = 200)
	void aRequestWithoutASecretUrlPassesUnchanged(@ForAll("secrets") String key) {
		URI url = URIS.expand(WebClientTokensClient.TOKEN_PATH, key);
		ClientRequest request = ClientRequest.create(HttpMethod.DELETE, url).build();
		AtomicReference<ClientRequest> sent = new AtomicReference<>();
		AtomicReference<ClientRequest> handedOn = new AtomicReference<>();
		AtomicReference<URI> connected = new AtomicReference<>();

		SecretUrl.FILTER.filter(request, (handed) -> {
			sent.set(handed);
			return Mono.<ClientResponse>empty();
		}).block();
		SecretUrl.INTO_CONTEXT.filter(request, (handed) -> {
			handedOn.set(handed);
			return Mono.<ClientResponse>empty();
		}).block();
		new UnmaskingConnector(recording(connected)).connect(HttpMethod.DELETE, url, (each) -> Mono.empty()).block();

		assertThat(sent.get()).isSameAs(request);
		assertThat(handedOn.get()).isSameAs(request);
		assertThat(connected.get()).isSameAs(url);
	}

	/**
	 * Secrets long enough to be masked (12 characters and more), of any characters but
	 * the mask's own.
	 */
	@Provide
	Arbitrary<String> secrets() {
		return Arbitraries.strings()
			.all()
			.excludeChars('*')
			.ofMinLength(12)
			.ofMaxLength(60)
			.filter((key) -> !key.isBlank());
	}

}
