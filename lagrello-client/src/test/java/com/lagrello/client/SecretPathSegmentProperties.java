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
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every token key: WebClient sees its delete URL with the key masked, and the filter
 * hands the connector exactly the URL the client would build for that key.
 */
class SecretPathSegmentProperties {

	private static final DefaultUriBuilderFactory URIS = uris();

	private static DefaultUriBuilderFactory uris() {
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory("https://api.example.com:8443/base");
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		return uris;
	}

	@Property(tries = 1000)
	void theConnectorGetsTheRealUrlAndWebClientOnlyTheMask(@ForAll("keys") String key) {
		URI real = URIS.expand(WebClientTokensClient.TOKEN_PATH, key);
		SecretPathSegment segment = SecretPathSegment.of(real, key);
		URI masked = segment.mask(real);
		ClientRequest request = ClientRequest.create(HttpMethod.DELETE, masked)
			.attribute(SecretPathSegment.ATTRIBUTE, segment)
			.build();
		AtomicReference<URI> sent = new AtomicReference<>();

		SecretPathSegment.FILTER.filter(request, (handed) -> {
			sent.set(handed.url());
			return Mono.<ClientResponse>empty();
		}).block();

		assertThat(sent.get()).isEqualTo(real);
		assertThat(masked.toString()).startsWith("https://api.example.com:8443/base/v1/tokens/****")
			.doesNotContain(segment.real());
		assertThat(masked.getRawPath()).doesNotContain(key);
	}

	@Property(tries = 200)
	void aRequestWithoutTheAttributePassesUnchanged(@ForAll("keys") String key) {
		URI url = URIS.expand(WebClientTokensClient.TOKEN_PATH, key);
		ClientRequest request = ClientRequest.create(HttpMethod.DELETE, url).build();
		AtomicReference<ClientRequest> sent = new AtomicReference<>();

		SecretPathSegment.FILTER.filter(request, (handed) -> {
			sent.set(handed);
			return Mono.<ClientResponse>empty();
		}).block();

		assertThat(sent.get()).isSameAs(request);
	}

	/**
	 * Keys long enough to be masked (12 characters and more), of any characters but the
	 * mask's own.
	 */
	@Provide
	Arbitrary<String> keys() {
		return Arbitraries.strings()
			.all()
			.excludeChars('*')
			.ofMinLength(12)
			.ofMaxLength(60)
			.filter((key) -> !key.isBlank());
	}

}
