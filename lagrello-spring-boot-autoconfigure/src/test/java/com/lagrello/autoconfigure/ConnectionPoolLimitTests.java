package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.TokenList;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

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
		// a lean local server: answered off the event loop (reactor/reactor-netty#4361)
		DisposableServer api = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}")
					.publishOn(Schedulers.parallel())))
			.bindNow();
		try {
			run("http://127.0.0.1:" + api.port());
		}
		finally {
			api.disposeNow();
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
