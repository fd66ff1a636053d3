package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers beyond {@code lagrello.pool.max-connections} wait for a connection instead of
 * failing at once on a queue limit.
 */
class ConnectionPoolLimitTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(20).disableRequestJournal())
		.build();

	@Test
	void fiveThousandConcurrentCallsOnTenConnectionsAllSucceed() {
		api.stubFor(get(anyUrl()).willReturn(okJson("{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}")));

		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
			.withPropertyValues("lagrello.base-url=" + api.baseUrl(),
					"lagrello.access-token=pool-test-token-0123456789", "lagrello.pool.max-connections=10",
					"lagrello.retry.max-attempts=1")
			.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				List<TokenList> pages = Flux.range(0, 5_000)
					.flatMap((i) -> client.listPage(0, 1), 5_000)
					.collectList()
					.block(Duration.ofSeconds(60));
				assertThat(pages).hasSize(5_000);
			});
	}

}
