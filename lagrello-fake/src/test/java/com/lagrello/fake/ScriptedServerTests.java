package com.lagrello.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The scripted server on the wire, seen by the JDK's HTTP client.
 */
class ScriptedServerTests {

	private ScriptedServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private Http http() {
		return new Http(this.server.baseUrl());
	}

	@Test
	void answersEachRequestWithTheStatusHeadersAndBodyTheScriptReturns() {
		this.server = ScriptedServer
			.start((request) -> Reply.error(429, "TOO_MANY_REQUESTS", request.uri()).withHeader("Retry-After", "1"));

		HttpResponse<String> response = http().get("/v1/tokens?size=2", null);

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body())
			.isEqualTo("{\"errorType\":\"TOO_MANY_REQUESTS\",\"message\":\"/v1/tokens?size=2\"}");
	}

	@Test
	void recordsEveryRequestWithItsArrivalOnTheServersClockBeforeAnswering() {
		List<Integer> recordedWhenAnswering = new ArrayList<>();
		this.server = ScriptedServer.start((request) -> {
			recordedWhenAnswering.add(this.server.requests().size());
			return Reply.status(204);
		});
		long before = System.nanoTime();

		http().send("POST", "/v1/tokens", "secret-access-token", "{\"tokenName\":\"ci\"}");
		http().get("/v1/tokens?page=1&size=2", null);

		assertThat(recordedWhenAnswering).containsExactly(1, 2);
		List<ReceivedRequest> requests = this.server.requests();
		assertThat(requests).extracting(ReceivedRequest::method, ReceivedRequest::uri)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/v1/tokens"),
					org.assertj.core.groups.Tuple.tuple("GET", "/v1/tokens?page=1&size=2"));
		assertThat(requests.get(0).body()).isEqualTo("{\"tokenName\":\"ci\"}");
		assertThat(requests.get(0).header("content-type")).isEqualTo("application/json");
		assertThat(requests.get(0).authorization()).isEqualTo("Bearer secret-access-token");
		assertThat(requests.get(1).queryParameter("size")).isEqualTo("2");
		assertThat(requests.get(0).arrivalNanos()).isGreaterThanOrEqualTo(before)
			.isLessThan(requests.get(1).arrivalNanos());
		assertThat(requests.get(1).arrivalNanos()).isLessThanOrEqualTo(System.nanoTime());
		assertThat(requests.get(0).toString()).doesNotContain("secret-access-token").contains("Bearer ****oken");
	}

	@Test
	void countsTheRequestsInFlightUntilTheirDelayedAnswerGoesOut() {
		this.server = ScriptedServer.start((request) -> Reply.json(200, "{}")
			.after(request.uri().contains("slow") ? Duration.ofMinutes(5) : Duration.ZERO));
		Http http = http();

		List<CompletableFuture<HttpResponse<String>>> slow = List.of(http.getAsync("/slow/1"), http.getAsync("/slow/2"),
				http.getAsync("/slow/3"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.server.inFlight()).isEqualTo(3));
		assertThat(http.get("/fast", null).statusCode()).isEqualTo(200);

		assertThat(this.server.inFlight()).isEqualTo(3);
		assertThat(this.server.mostInFlight()).isEqualTo(4);
		assertThat(slow).noneMatch(CompletableFuture::isDone);
	}

	@Test
	void requestWhoseConnectionTheClientClosesIsNoLongerInFlight() throws IOException {
		this.server = ScriptedServer.start((request) -> Reply.json(200, "{}").after(Duration.ofMinutes(5)));
		try (Socket socket = new Socket(ScriptedServer.HOST, this.server.port())) {
			socket.getOutputStream()
				.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.server.inFlight()).isEqualTo(1));
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.server.inFlight()).isZero();
			assertThat(this.server.openConnections()).isZero();
		});
		assertThat(this.server.connectionsOpened()).isEqualTo(1);
	}

	@Test
	void laterMakesTheReplyOnlyWhenItIsDue() {
		AtomicInteger made = new AtomicInteger();
		this.server = ScriptedServer.start((request) -> request.path().equals("/late")
				? Reply.later(Duration.ofMillis(50), () -> Reply.json(201, "{\"made\":" + made.incrementAndGet() + "}"))
				: Reply.later(Duration.ofMinutes(5),
						() -> Reply.json(200, "{\"made\":" + made.incrementAndGet() + "}")));
		Http http = http();

		CompletableFuture<HttpResponse<String>> never = http.getAsync("/never");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.server.inFlight()).isEqualTo(1));
		HttpResponse<String> late = http.get("/late", null);

		assertThat(late.statusCode()).isEqualTo(201);
		assertThat(late.body()).isEqualTo("{\"made\":1}");
		assertThat(made).hasValue(1);
		assertThat(never).isNotDone();
	}

	@Test
	void closeConnectionLeavesTheRequestUnanswered() {
		this.server = ScriptedServer.start((request) -> Reply.closeConnection());

		// a POST: the JDK's client re-sends an idempotent request whose connection closed
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> http().send("POST", "/v1/tokens", null, "{}"));
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void failingScriptIsAnInternalErrorWithTheApisErrorBody() {
		this.server = ScriptedServer.start((request) -> {
			throw new IllegalStateException("a broken script");
		});

		HttpResponse<String> response = http().get("/v1/tokens", null);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"errorType\":\"INTERNAL_ERROR\"");
	}

	@Test
	void sequentialRequestsOnOneKeepAliveConnectionAreAllAnsweredAndShareItsName() {
		this.server = ScriptedServer.start((request) -> Reply.json(200, "{\"n\":1}"));
		Http http = http();

		for (int i = 0; i < 50; i++) {
			assertThat(http.get("/v1/tokens?page=" + i, null).statusCode()).isEqualTo(200);
		}

		assertThat(this.server.connectionsOpened()).isEqualTo(1);
		assertThat(this.server.openConnections()).isEqualTo(1);
		assertThat(this.server.requests()).extracting(ReceivedRequest::connection)
			.hasSize(50)
			.containsOnly(this.server.requests().get(0).connection());
		assertThat(this.server.requestCount()).isEqualTo(50);
	}

	@Test
	void pipelinedRequestsOnOneConnectionAreAllAnsweredInOrder() throws IOException {
		this.server = ScriptedServer.start((request) -> Reply.json(200, "{}").withHeader("X-Uri", request.uri()));
		String request = "GET /p?n=%d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

		try (Socket socket = new Socket(ScriptedServer.HOST, this.server.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((request.formatted(1) + request.formatted(2) + request.formatted(3))
					.getBytes(StandardCharsets.US_ASCII));
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> answered = new ArrayList<>();
			while (answered.size() < 3) {
				String line = in.readLine();
				assertThat(line).as("a line before the third answer").isNotNull();
				if (line.toLowerCase(java.util.Locale.ROOT).startsWith("x-uri:")) {
					answered.add(line.substring("x-uri:".length()).trim());
				}
			}
			assertThat(answered).containsExactly("/p?n=1", "/p?n=2", "/p?n=3");
		}
	}

	@Test
	void serverThatDoesNotRecordKeepsNoRequestsButCountsThem() {
		this.server = ScriptedServer.builder().recording(false).start((request) -> Reply.status(204));

		http().get("/a", null);
		http().get("/b", null);

		assertThat(this.server.requests()).isEmpty();
		assertThat(this.server.requestCount()).isEqualTo(2);
	}

	@Test
	void serverOnItsOwnEventLoopsAnswersAndReadsLongRequestLines() {
		this.server = ScriptedServer.builder()
			.eventLoops(2)
			.maxInitialLineLength(20_000)
			.start((request) -> Reply.json(200, "{}"));

		assertThat(http().get("/v1/tokens?pad=" + "x".repeat(10_000), null).statusCode()).isEqualTo(200);
	}

	@Test
	void closedServerCanBeStartedAgainAndKeepsWhatItRecorded() {
		this.server = ScriptedServer.start((request) -> Reply.status(204));
		http().get("/first", null);
		this.server.close();

		this.server.start();
		http().get("/second", null);

		assertThat(this.server.requests()).extracting(ReceivedRequest::path).containsExactly("/first", "/second");
	}

	@Test
	void absurdRepliesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.status(600));
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.status(204).after(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Reply.status(204).after(Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> ScriptedServer.builder().build(null));
	}

}
