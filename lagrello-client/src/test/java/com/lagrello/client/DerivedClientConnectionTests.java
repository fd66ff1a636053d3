package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients derived with {@link TokensClient#mutate()}, one per tenant, on the wire: each
 * sends its own token, all over the original's connections.
 */
class DerivedClientConnectionTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final Reply PAGE = Reply.json(200, ApiExamples.page("t", 1, null));

	private ScriptedServer server;

	private ConnectionProvider pool;

	@AfterEach
	void stop() {
		this.pool.dispose();
		this.server.close();
	}

	@Test
	void derivedClientsSendTheirOwnTokensOverTheOriginalsConnections() {
		this.server = ScriptedServer.start((request) -> PAGE);
		this.pool = ConnectionProvider.builder("tenants").maxConnections(1).build();
		WebClient.Builder ownConnections = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool)));
		TokensClient tenantA = clients.add(TokensClient.builder()
			.webClientBuilder(ownConnections)
			.baseUrl(this.server.baseUrl().toString())
			.accessToken("tenant-a-token")
			.build());
		TokensClient tenantB = tenantA.mutate().accessToken("tenant-b-token").build();
		TokensClient tenantC = tenantA.mutate().accessToken("tenant-c-token").build();

		for (TokensClient tenant : List.of(tenantA, tenantB, tenantC, tenantA)) {
			tenant.listPage(0, 1).block(Duration.ofSeconds(10));
		}

		// per request: the connection it came on and its Authorization header
		List<String> seen = this.server.requests()
			.stream()
			.map((request) -> request.connection() + " " + request.authorization())
			.toList();
		assertThat(this.server.connectionsOpened()).isEqualTo(1);
		String connection = seen.get(0).split(" ")[0];
		assertThat(seen).containsExactly(connection + " Bearer tenant-a-token", connection + " Bearer tenant-b-token",
				connection + " Bearer tenant-c-token", connection + " Bearer tenant-a-token");
	}

}
