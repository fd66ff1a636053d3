package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.lagrello.fake.ReceivedRequest;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four API areas of one {@link LagrelloClient}: built once, they share its
 * connections, its retry budget and its open state.
 */
class LagrelloClientAreasTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final Reply ANYTHING = Reply.json(200, "{\"userId\":\"u-1\",\"tenantId\":\"t-1\","
			+ "\"tenantName\":\"Acme\",\"activated\":true,\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}");

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

	private LagrelloClientBuilder client() {
		return LagrelloClient.builder()
			.baseUrl(this.server.baseUrl().toString())
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(TestClients.FAST_RETRIES);
	}

	@Test
	void eachAreaIsBuiltOnce() {
		this.server = ScriptedServer.start((request) -> ANYTHING);
		LagrelloClient lagrello = clients.add(client().build());

		assertThat(lagrello.users()).isSameAs(lagrello.users());
		assertThat(lagrello.auth()).isSameAs(lagrello.auth());
		assertThat(lagrello.tenant()).isSameAs(lagrello.tenant());
		assertThat(lagrello.tokens()).isSameAs(lagrello.tokens());
	}

	@Test
	void theAreasOfOneClientSendOverItsConnector() {
		this.server = ScriptedServer.start((request) -> ANYTHING);
		this.pool = ConnectionProvider.builder("areas").maxConnections(1).build();
		LagrelloClient lagrello = clients
			.add(client().clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool))).build());

		for (Mono<?> call : List.of(lagrello.tokens().listPage(0, 1), lagrello.users().get("u-1"),
				lagrello.auth().verifyTotp("u-1", "123456"), lagrello.tenant().get())) {
			call.block(Duration.ofSeconds(10));
		}

		assertThat(this.server.requests()).extracting(ReceivedRequest::path)
			.containsExactly("/v1/tokens", "/v1/users/u-1", "/v1/users/u-1/totp", "/v1/tenant");
		assertThat(this.server.connectionsOpened()).isOne();
	}

	@Test
	void theAreasOfOneClientSpendOneRetryBudget() {
		AtomicInteger requests = new AtomicInteger();
		// every request of the users area fails; the tenant's first fails, then succeeds
		this.server = ScriptedServer
			.start((request) -> (request.path().startsWith("/v1/users") || requests.getAndIncrement() == 0)
					? Reply.error(503, "UNAVAILABLE", "down") : ANYTHING);
		LagrelloClient lagrello = clients
			.add(client().retryBudget(RetryBudget.of(0, 2, Duration.ofMinutes(1))).build());

		// the users call spends both retries of the budget's floor
		StepVerifier.create(lagrello.users().get("u-1"))
			.expectError(LagrelloApiException.class)
			.verify(Duration.ofSeconds(10));
		requests.set(0);
		this.server.clearRequests();

		// the tenant's first 503 is not retried: the budget is spent
		StepVerifier.create(lagrello.tenant().get())
			.expectErrorSatisfies((failure) -> assertThat(failure).hasMessageContaining("retry budget"))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void afterCloseEveryAreaFailsAndSendsNothing() {
		this.server = ScriptedServer.start((request) -> ANYTHING);
		LagrelloClient lagrello = clients.add(client().build());
		lagrello.close();

		for (Mono<?> call : List.of(lagrello.users().create(CreateUserRequest.of("u-1", null)),
				lagrello.users().delete("u-1"), lagrello.auth().verifyTotp("u-1", "123456"),
				lagrello.auth().redeemMagicLink("token"), lagrello.auth().sendMagicLink("u-1"),
				lagrello.tenant().get())) {
			StepVerifier.create(call)
				.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(LagrelloException.class)
					.hasMessageContaining("closed"))
				.verify(Duration.ofSeconds(10));
		}
		assertThat(this.server.requestCount()).isZero();
	}

}
