package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers beyond {@code lagrello.pool.max-connections} wait for a connection instead of
 * failing at once on a queue limit.
 */
class ConnectionPoolLimitTests {

	@Test
	void fiveThousandConcurrentCallsOnTenConnectionsAllSucceed() {
		Reply emptyPage = Reply.json(200, "{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}");
		try (ScriptedServer api = ScriptedServer.builder().recording(false).start((request) -> emptyPage)) {
			run(api.baseUrl().toString());
		}
	}

	private void run(String baseUrl) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
			.withPropertyValues("lagrello.base-url=" + baseUrl, "lagrello.access-token=pool-test-token-0123456789",
					"lagrello.pool.max-connections=10", "lagrello.retry.max-attempts=1")
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
