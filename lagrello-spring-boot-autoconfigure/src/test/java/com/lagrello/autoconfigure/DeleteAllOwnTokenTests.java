package com.lagrello.autoconfigure;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client's {@code deleteAll} never deletes its own token, also when a
 * {@link LagrelloConnectionDetails} bean gives it with whitespace around it (which the
 * server trims from the header).
 */
class DeleteAllOwnTokenTests {

	private static final String OWN = "own-token-abc-0123";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class));

	private static String token(String key) {
		return "{\"tokenKey\":\"" + key + "\",\"tokenName\":\"" + key
				+ "\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"permissions\":[\"READ\"]}";
	}

	@ParameterizedTest
	@ValueSource(strings = { OWN + " ", " " + OWN, "\t" + OWN, OWN + "\t" })
	void theOwnTokenFromConnectionDetailsIsNotDeletedWhateverWhitespaceSurroundsIt(String given) {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20"))
			.willReturn(okJson("{\"data\":[" + token("a") + "," + token(OWN) + "],\"paging\":{}}")));
		api.stubFor(delete(urlPathMatching("/v1/tokens/.*")).willReturn(aResponse().withStatus(204)));

		this.runner.withBean(LagrelloConnectionDetails.class, () -> new LagrelloConnectionDetails() {

			@Override
			public URI getBaseUrl() {
				return URI.create(api.baseUrl());
			}

			@Override
			public String getAccessToken() {
				return given;
			}

		}).run((context) -> {
			DeleteAllResult result = context.getBean(TokensClient.class)
				.deleteAll((token) -> true)
				.block(Duration.ofSeconds(10));
			assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly("a");
		});

		assertThat(api.findAll(deleteRequestedFor(urlPathMatching("/v1/tokens/.*")))).extracting(LoggedRequest::getUrl)
			.containsExactly("/v1/tokens/a");
	}

}
