package com.lagrello.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients derived with {@link TokensClient#mutate()}, one per tenant, on the wire: each
 * sends its own token, all over the original's connections.
 */
class DerivedClientConnectionTests {

	private static final String PAGE = ApiExamples.page("t", 1, null);

	/** Per request: the connection it came on and its Authorization header. */
	private final List<String> seen = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private DisposableServer server;

	private ConnectionProvider pool;

	@AfterEach
	void stop() {
		this.pool.dispose();
		this.server.disposeNow();
	}

	@Test
	void derivedClientsSendTheirOwnTokensOverTheOriginalsConnections() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, remoteAddress) -> this.connections.incrementAndGet())
			.handle((request, response) -> {
				request.withConnection((connection) -> this.seen.add(
						connection.channel().id().asShortText() + " " + request.requestHeaders().get("Authorization")));
				// answered off the event loop: reactor/reactor-netty#4361
				return response.header("Content-Type", "application/json")
					.sendString(Mono.just(PAGE).publishOn(Schedulers.boundedElastic()), StandardCharsets.UTF_8);
			})
			.bindNow();
		this.pool = ConnectionProvider.builder("tenants").maxConnections(1).build();
		WebClient.Builder ownConnections = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool)));
		TokensClient tenantA = TokensClient.builder()
			.webClientBuilder(ownConnections)
			.baseUrl("http://127.0.0.1:" + this.server.port())
			.accessToken("tenant-a-token")
			.build();
		TokensClient tenantB = tenantA.mutate().accessToken("tenant-b-token").build();
		TokensClient tenantC = tenantA.mutate().accessToken("tenant-c-token").build();

		for (TokensClient tenant : List.of(tenantA, tenantB, tenantC, tenantA)) {
			tenant.listPage(0, 1).block(Duration.ofSeconds(10));
		}

		assertThat(this.connections).hasValue(1);
		String connection = this.seen.get(0).split(" ")[0];
		assertThat(this.seen).containsExactly(connection + " Bearer tenant-a-token",
				connection + " Bearer tenant-b-token", connection + " Bearer tenant-c-token",
				connection + " Bearer tenant-a-token");
	}

}
