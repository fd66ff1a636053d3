package com.lagrello.autoconfigure.health;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with more than one {@link TokensClient} bean (say one per tenant or
 * region): the {@code lagrello} health component reports each of them, by bean name.
 */
class SeveralTokensClientsHealthTests {

	@RegisterExtension
	static WireMockExtension europe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension america = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
				LagrelloHealthContributorAutoConfiguration.class))
		.withPropertyValues("lagrello.access-token=unused-token", "lagrello.health.interval=0")
		.withBean("europeTokensClient", TokensClient.class, () -> client(europe, "europe-token"))
		.withBean("americaTokensClient", TokensClient.class, () -> client(america, "america-token"));

	private static WebClientTokensClient client(WireMockExtension api, String token) {
		return TokensClient.builder().baseUrl(api.baseUrl()).accessToken(token).build();
	}

	@Test
	void healthHasOneComponentPerTokensClientBeanEachProbingItsOwnApi() {
		europe.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(okJson("{\"data\":[],\"paging\":{}}")));
		america.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"FORBIDDEN\",\"message\":\"wrong token\"}")));

		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasBean("lagrelloHealthContributor");
			ReactiveHealthContributor contributor = context.getBean("lagrelloHealthContributor",
					ReactiveHealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
			CompositeReactiveHealthContributor composite = (CompositeReactiveHealthContributor) contributor;
			assertThat(health(composite, "europeTokensClient").getStatus()).isEqualTo(Status.UP);
			Health americaHealth = health(composite, "americaTokensClient");
			assertThat(americaHealth.getStatus()).isEqualTo(Status.DOWN);
			assertThat(americaHealth.getDetails()).containsEntry("status", 403)
				.containsEntry("baseUrl", america.baseUrl());
		});
		europe.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
		america.verify(1, getRequestedFor(urlPathEqualTo("/v1/tokens")));
	}

	private static Health health(CompositeReactiveHealthContributor composite, String name) {
		ReactiveHealthContributor component = composite.getContributor(name);
		assertThat(component).as(name).isInstanceOf(ReactiveHealthIndicator.class);
		return ((ReactiveHealthIndicator) component).health().block(Duration.ofSeconds(10));
	}

}
