package com.lagrello.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.Permission;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever an application does to its connectors, the Lagrello client never follows a
 * redirect, so neither the access token nor a create body reaches the {@code Location}.
 */
class RedirectGuardTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension elsewhere = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
		.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=redirect-guard-token-42",
				"lagrello.retry.max-attempts=1", "spring.http.clients.redirects=follow");

	@ParameterizedTest(name = "{0} with the {1} connector")
	@CsvSource({ "301,reactor", "302,reactor", "303,reactor", "307,reactor", "308,reactor", "301,jdk", "302,jdk",
			"303,jdk", "307,jdk", "308,jdk" })
	void aRedirectIsAnErrorEvenWhenTheApplicationTurnsFollowingOn(int status, String connector) {
		api.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(status).withHeader("Location", elsewhere.baseUrl() + "/v1/tokens")));
		elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"tokenKey\":\"stolen\",\"tokenName\":\"stolen\"}")));

		this.runner.withBean("followEverything", ClientHttpConnectorBuilderCustomizer.class, () -> followEverything())
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector)
			.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				Mono<?> create = client.create(CreateTokenRequest.of("ci", Permission.READ));
				StepVerifier.create(create)
					.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(
							LagrelloApiException.class, (api) -> assertThat(api.statusCode()).isEqualTo(status)))
					.verify(Duration.ofSeconds(10));
				StepVerifier.create(client.listPage(0, 1))
					.expectError(LagrelloApiException.class)
					.verify(Duration.ofSeconds(10));
			});

		assertThat(elsewhere.getAllServeEvents()).as("requests that reached the Location").isEmpty();
	}

	/**
	 * An ordinary customization for another client of the application.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static ClientHttpConnectorBuilderCustomizer followEverything() {
		return (ClientHttpConnectorBuilderCustomizer) (builder) -> {
			ClientHttpConnectorBuilder<?> b = (ClientHttpConnectorBuilder<?>) builder;
			if (b instanceof ReactorClientHttpConnectorBuilder reactor) {
				return reactor.withHttpClientCustomizer((client) -> client.followRedirect(true));
			}
			if (b instanceof JdkClientHttpConnectorBuilder jdk) {
				return jdk.withHttpClientCustomizer(
						(client) -> client.followRedirects(java.net.http.HttpClient.Redirect.ALWAYS));
			}
			return b;
		};
	}

}
