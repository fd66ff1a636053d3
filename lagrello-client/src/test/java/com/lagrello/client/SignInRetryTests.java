package com.lagrello.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries of the users and sign-in operations on the wire, by what a repeated request
 * would do: {@code users.create} and {@code sendMagicLink} are never sent twice once they
 * may have reached the server; {@code verifyTotp} and {@code redeemMagicLink} are retried
 * only after a failure that certainly did not apply them, and never complete empty on an
 * answer they did not see; {@code users.delete} completes on a {@code 404} after a lost
 * answer.
 */
class SignInRetryTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final Reply USER = Reply.json(200, "{\"userId\":\"u-1\",\"email\":\"u1@example.com\"}");

	private ScriptedServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	/** A server answering its requests with the given replies in turn, the last again. */
	private LagrelloClient answering(Reply... replies) {
		AtomicInteger next = new AtomicInteger();
		this.server = ScriptedServer.start((request) -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
		return clients.add(client(this.server.baseUrl().toString()).build());
	}

	private static LagrelloClientBuilder client(String baseUrl) {
		return LagrelloClient.builder()
			.baseUrl(baseUrl)
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(TestClients.FAST_RETRIES)
			.readTimeout(Duration.ofSeconds(5));
	}

	@Test
	void aLostUsersCreateIsSentOnce() {
		LagrelloClient lagrello = answering(Reply.closeConnection());

		StepVerifier.create(lagrello.users().create(CreateUserRequest.of("u-1", "u1@example.com")))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void aLostSendMagicLinkIsSentOnce() {
		LagrelloClient lagrello = answering(Reply.closeConnection());

		StepVerifier.create(lagrello.auth().sendMagicLink("u-1"))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void aVerifyTotpWhoseConnectionClosesAfterSendingFailsAfterOneRequestAndDoesNotCompleteEmpty() {
		LagrelloClient lagrello = answering(Reply.closeConnection(), USER);

		StepVerifier.create(lagrello.auth().verifyTotp("u-1", "123456"))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(LagrelloTransportException.class)
				.satisfies((transport) -> assertThat(((LagrelloTransportException) transport).requestSent()).isTrue()))
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void aRedeemMagicLinkWhoseConnectionClosesAfterSendingFailsAfterOneRequestAndDoesNotCompleteEmpty() {
		LagrelloClient lagrello = answering(Reply.closeConnection(), USER);

		StepVerifier.create(lagrello.auth().redeemMagicLink("magic-link-token-0123456789"))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requestCount()).isOne();
	}

	@ParameterizedTest
	@ValueSource(ints = { 502, 503, 504 })
	void aVerifyTotpAnsweredWithAGatewayOrUnavailableStatusFailsAfterOneRequest(int status) {
		LagrelloClient lagrello = answering(Reply.error(status, "UNAVAILABLE", "try later"), USER);

		StepVerifier.create(lagrello.auth().verifyTotp("u-1", "123456"))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(status)))
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requestCount()).isOne();
	}

	@Test
	void aVerifyTotpAnswered429WithRetryAfterIsRetriedAndThenVerifies() {
		LagrelloClient lagrello = answering(
				Reply.error(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", "1"), USER);

		StepVerifier.create(lagrello.auth().verifyTotp("u-1", "123456"))
			.expectNext(new User("u-1", "u1@example.com"))
			.verifyComplete();

		assertThat(this.server.requests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.uri()).isEqualTo("/v1/users/u-1/totp?payload=123456"));
	}

	@Test
	void aRedeemMagicLinkAnswered429IsRetriedAndThenRedeems() {
		LagrelloClient lagrello = answering(
				Reply.error(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", "0"), USER);

		StepVerifier.create(lagrello.auth().redeemMagicLink("magic-link-token-0123456789"))
			.expectNext(new User("u-1", "u1@example.com"))
			.verifyComplete();

		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void aWrongCodeAfterA429IsStillAnEmptyAnswer() {
		LagrelloClient lagrello = answering(
				Reply.error(429, "TOO_MANY_REQUESTS", "slow down").withHeader("Retry-After", "0"),
				Reply.error(401, "UNAUTHORIZED", "wrong code"));

		StepVerifier.create(lagrello.auth().verifyTotp("u-1", "000000")).verifyComplete();

		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void aVerifyTotpWhoseConnectionCannotBeMadeIsRetried() throws IOException {
		TestObservationRegistry registry = TestObservationRegistry.create();
		LagrelloClient lagrello = clients
			.add(client("http://127.0.0.1:" + freePort()).observationRegistry(registry).build());

		StepVerifier.create(lagrello.auth().verifyTotp("u-1", "123456"))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(
					LagrelloTransportException.class, (transport) -> assertThat(transport.requestSent()).isFalse()))
			.verify(Duration.ofSeconds(10));

		assertThat(registry).hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasHighCardinalityKeyValue("lagrello.attempts", Integer.toString(TestClients.FAST_RETRIES.maxAttempts()));
	}

	@Test
	void a404ToAUsersDeleteRetryAfterALostAnswerCompletes() {
		LagrelloClient lagrello = answering(Reply.closeConnection(), Reply.error(404, "NOT_FOUND", "no such user"));

		StepVerifier.create(lagrello.users().delete("u-1")).verifyComplete();

		assertThat(this.server.requests()).hasSize(2)
			.allSatisfy(
					(request) -> assertThat(request.method() + " " + request.uri()).isEqualTo("DELETE /v1/users/u-1"));
	}

	@Test
	void a404ToTheFirstUsersDeleteFails() {
		LagrelloClient lagrello = answering(Reply.error(404, "NOT_FOUND", "no such user"));

		StepVerifier.create(lagrello.users().delete("u-1"))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(404)))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void readsAndAbsoluteUpdatesAreRetriedAfterALostAnswer() {
		List<Function<LagrelloClient, Mono<?>>> calls = List.of((lagrello) -> lagrello.users().get("u-1"),
				(lagrello) -> lagrello.users().update("u-1", UpdateUserRequest.of("u1@example.com")),
				(lagrello) -> lagrello.tenant().get(),
				(lagrello) -> lagrello.tenant().update(UpdateTenantRequest.of("https://app.example.com/?t={}")),
				(lagrello) -> lagrello.auth().disableTotp("u-1"));
		for (Function<LagrelloClient, Mono<?>> call : calls) {
			// a user and a tenant alike, each ignoring the other's fields
			LagrelloClient lagrello = answering(Reply.closeConnection(), Reply.json(200,
					"{\"userId\":\"u-1\",\"tenantId\":\"t-1\",\"tenantName\":\"Acme\",\"activated\":true}"));

			StepVerifier.create(call.apply(lagrello).then()).verifyComplete();

			assertThat(this.server.requestCount()).isEqualTo(2);
			this.server.close();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
