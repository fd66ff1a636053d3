package com.lagrello.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
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

	private static final int CALLS = 10_000;

	private static final int CONCURRENCY = 64;

	private static final byte[] PAGE = ApiExamples.page("t", 20, null).getBytes(StandardCharsets.UTF_8);

	private final AtomicInteger openConnections = new AtomicInteger();

	private final AtomicReference<ConnectionPoolMetrics> poolMetrics = new AtomicReference<>();

	private DisposableServer server;

	private ConnectionProvider pool;

	@AfterEach
	void stop() {
		if (this.pool != null) {
			this.pool.dispose();
		}
		if (this.server != null) {
			this.server.disposeNow();
		}
	}

	@Test
	void tenThousandConcurrentPageCallsAllSucceedAndReturnEveryConnectionToThePool() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				this.openConnections.incrementAndGet();
				channel.closeFuture().addListener((closed) -> this.openConnections.decrementAndGet());
			})
			// answered off the event loop: reactor-netty#4361 stalls keep-alive
			// connections
			// whose response completes synchronously
			.handle((request, response) -> response.header("Content-Type", "application/json")
				.sendByteArray(Mono.fromCallable(() -> PAGE).subscribeOn(Schedulers.parallel())))
			.bindNow();
		this.pool = ConnectionProvider.builder("load-test")
			.maxConnections(CONCURRENCY)
			.metrics(true, () -> (poolName, id, remoteAddress, metrics) -> this.poolMetrics.set(metrics))
			.build();
		TokensClient client = TokensClient.builder()
			.webClientBuilder(
					WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool))))
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(RetryPolicy.NONE)
			.build();

		Long tokens = Flux.range(0, CALLS)
			.flatMap((i) -> client.listPage(0, 20), CONCURRENCY)
			.map((page) -> page.data().size())
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(2));

		assertThat(tokens).isEqualTo(CALLS * 20L);
		assertThat(this.openConnections.get()).isLessThanOrEqualTo(CONCURRENCY);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ConnectionPoolMetrics metrics = this.poolMetrics.get();
			assertThat(metrics.acquiredSize()).isZero();
			assertThat(metrics.pendingAcquireSize()).isZero();
			assertThat(metrics.idleSize()).isEqualTo(metrics.allocatedSize());
		});
	}

}
