package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many concurrent calls against a local server: none fails and every connection goes back
 * to the pool.
 */
class ConcurrentLoadTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final int CALLS = 10_000;

	private static final int CONCURRENCY = 64;

	private static final Reply PAGE = Reply.json(200, ApiExamples.page("t", 20, null));

	private final AtomicReference<ConnectionPoolMetrics> poolMetrics = new AtomicReference<>();

	private ScriptedServer server;

	private ConnectionProvider pool;

	@AfterEach
	void stop() {
		if (this.pool != null) {
			this.pool.dispose();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void tenThousandConcurrentPageCallsAllSucceedAndReturnEveryConnectionToThePool() {
		this.server = ScriptedServer.builder().recording(false).start((request) -> PAGE);
		this.pool = ConnectionProvider.builder("load-test")
			.maxConnections(CONCURRENCY)
			.metrics(true, () -> (poolName, id, remoteAddress, metrics) -> this.poolMetrics.set(metrics))
			.build();
		TokensClient client = clients.add(TokensClient.builder()
			.webClientBuilder(
					WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool))))
			.baseUrl(this.server.baseUrl().toString())
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(RetryPolicy.NONE)
			.build());

		Long tokens = Flux.range(0, CALLS)
			.flatMap((i) -> client.listPage(0, 20), CONCURRENCY)
			.map((page) -> page.data().size())
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(2));

		assertThat(tokens).isEqualTo(CALLS * 20L);
		assertThat(this.server.openConnections()).isLessThanOrEqualTo(CONCURRENCY);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ConnectionPoolMetrics metrics = this.poolMetrics.get();
			assertThat(metrics.acquiredSize()).isZero();
			assertThat(metrics.pendingAcquireSize()).isZero();
			assertThat(metrics.idleSize()).isEqualTo(metrics.allocatedSize());
		});
	}

}
