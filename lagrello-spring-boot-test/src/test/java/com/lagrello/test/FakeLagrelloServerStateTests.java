package com.lagrello.test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The life cycle, seeding, state and request recording of {@link FakeLagrelloServer}.
 */
class FakeLagrelloServerStateTests {

	private FakeLagrelloServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void startsWithAnAdminTokenFollowedByTheSeededTokens() {
		this.server = FakeLagrelloServer.builder().seedTokens(3).start();
		List<Token> tokens = this.server.tokens();
		assertThat(tokens).extracting(Token::tokenName).containsExactly("admin", "token-1", "token-2", "token-3");
		assertThat(tokens.get(0).tokenKey()).isEqualTo(this.server.adminToken());
		assertThat(tokens.get(0).permissions()).containsExactly(Permission.READ, Permission.WRITE, Permission.ADMIN);
		assertThat(tokens.subList(1, 4)).allSatisfy((token) -> {
			assertThat(token.permissions()).containsExactly(Permission.READ);
			assertThat(token.createdBy()).isEqualTo("admin");
		});
	}

	@Test
	void givenAdminTokenAuthenticates() {
		this.server = FakeLagrelloServer.builder().adminToken("my-admin-token").start();
		assertThat(this.server.adminToken()).isEqualTo("my-admin-token");
		RawHttp.Response response = new RawHttp(this.server.baseUrl()).get("/v1/tokens", "Bearer my-admin-token");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void listensOnLoopbackAtItsBaseUrl() {
		this.server = FakeLagrelloServer.builder().start();
		assertThat(this.server.baseUrl()).hasScheme("http").hasHost("127.0.0.1").hasPort(this.server.port());
		assertThat(this.server.isRunning()).isTrue();
	}

	@Test
	void addedTokenIsListedAfterTheOthersAndKeepsUnknownPermissions() {
		this.server = FakeLagrelloServer.builder().start();
		Token auditor = this.server.addToken("auditor", Permission.of("AUDIT"));
		StepVerifier.create(this.server.tokensClient().listAll()).expectNextCount(1).assertNext((token) -> {
			assertThat(token.tokenKey()).isEqualTo(auditor.tokenKey());
			assertThat(token.permissions()).containsExactly(Permission.READ, Permission.of("AUDIT"));
		}).verifyComplete();
	}

	@Test
	void resetRestoresTheInitialTokensAndForgetsTheRequests() {
		this.server = FakeLagrelloServer.builder().seedTokens(2).start();
		List<Token> initial = this.server.tokens();
		this.server.tokensClient().create(CreateTokenRequest.of("extra")).block(Duration.ofSeconds(10));
		this.server.removeToken(initial.get(1).tokenKey());
		this.server.reset();
		assertThat(this.server.tokens()).isEqualTo(initial);
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void recordsMethodPathQueryHeadersAndBodyOfEveryRequest() {
		this.server = FakeLagrelloServer.builder().start();
		this.server.tokensClient().create(CreateTokenRequest.of("ci", Permission.WRITE)).block(Duration.ofSeconds(10));
		this.server.tokensClient().listPage(0, 5).block(Duration.ofSeconds(10));
		new RawHttp(this.server.baseUrl()).get("/v1/tokens", null);
		List<RecordedRequest> requests = this.server.requests();
		assertThat(requests).hasSize(3);
		RecordedRequest create = requests.get(0);
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.path()).isEqualTo("/v1/tokens");
		assertThat(create.query()).isNull();
		assertThat(create.authorization()).isEqualTo("Bearer " + this.server.adminToken());
		assertThat(create.header("content-type")).isEqualTo("application/json");
		assertThat(create.body()).contains("\"tokenName\":\"ci\"").contains("\"WRITE\"");
		RecordedRequest list = requests.get(1);
		assertThat(list.method()).isEqualTo("GET");
		assertThat(list.query()).isEqualTo("page=0&size=5");
		assertThat(list.queryParameter("size")).isEqualTo("5");
		assertThat(list.body()).isEmpty();
		assertThat(requests.get(2).authorization()).isNull();
	}

	@Test
	void clearRequestsForgetsTheRecordedRequestsButNotTheTokens() {
		this.server = FakeLagrelloServer.builder().start();
		this.server.tokensClient().create(CreateTokenRequest.of("kept")).block(Duration.ofSeconds(10));
		this.server.clearRequests();
		assertThat(this.server.requests()).isEmpty();
		assertThat(this.server.tokens()).hasSize(2);
	}

	@Test
	void recordedRequestDoesNotShowTheBearerTokenInToString() {
		this.server = FakeLagrelloServer.builder().start();
		this.server.tokensClient().listPage(0, 1).block(Duration.ofSeconds(10));
		assertThat(this.server.requests().get(0).toString()).doesNotContain(this.server.adminToken())
			.contains("Bearer");
	}

	@Test
	void concurrentCreatesAreAllKept() {
		this.server = FakeLagrelloServer.builder().start();
		Flux<Token> creates = Flux.range(0, 40)
			.flatMap((i) -> this.server.tokensClient().create(CreateTokenRequest.of("parallel-" + i)), 16);
		StepVerifier.create(creates).expectNextCount(40).verifyComplete();
		assertThat(this.server.tokens()).hasSize(41).extracting(Token::tokenKey).doesNotHaveDuplicates();
	}

	@Test
	void answersManySequentialRequestsOnOneKeepAliveConnection() {
		this.server = FakeLagrelloServer.builder().start();
		ConnectionProvider oneConnection = ConnectionProvider.create("one-connection", 1);
		try {
			RawHttp http = new RawHttp(this.server.baseUrl(), HttpClient.create(oneConnection));
			String admin = RawHttp.bearer(this.server.adminToken());
			Flux<Integer> statuses = Flux.range(0, 30)
				.concatMap((i) -> http.exchange((i % 3 == 0) ? "POST" : "GET", "/v1/tokens", admin,
						(i % 3 == 0) ? "{\"tokenName\":\"t" + i + "\"}" : null))
				.map(RawHttp.Response::status);
			StepVerifier.create(statuses)
				.expectNextSequence(Collections.nCopies(30, 200))
				.expectComplete()
				.verify(Duration.ofSeconds(30));
			assertThat(this.server.requests()).hasSize(30);
		}
		finally {
			oneConnection.disposeLater().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void answersEveryPipelinedRequestOnOneConnection() throws IOException {
		this.server = FakeLagrelloServer.builder().start();
		String request = "GET /v1/tokens?size=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
				+ this.server.adminToken() + "\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			// a bound, so that a server that stops reading fails the test instead of
			// hanging it
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.repeat(3).getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 0; i < 3; i++) {
				assertThat(readResponseStatusLine(in)).isEqualTo("HTTP/1.1 200 OK");
			}
		}
		assertThat(this.server.requests()).hasSize(3);
	}

	/**
	 * Reads one response with a {@code Content-Length} and returns its status line.
	 */
	private static String readResponseStatusLine(InputStream in) throws IOException {
		String statusLine = readLine(in);
		int contentLength = 0;
		for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
			if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes(contentLength);
		return statusLine;
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c == -1) {
				throw new IOException("connection closed after: " + line);
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Test
	void closedServerRefusesConnectionsAndHasNoBaseUrl() {
		this.server = FakeLagrelloServer.builder().start();
		int port = this.server.port();
		this.server.close();
		assertThat(this.server.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(this.server::baseUrl);
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> new Socket("127.0.0.1", port).close());
	}

	@Test
	void restartedServerKeepsItsTokens() {
		this.server = FakeLagrelloServer.builder().seedTokens(1).start();
		List<Token> tokens = this.server.tokens();
		this.server.close();
		this.server.start();
		assertThat(this.server.tokens()).isEqualTo(tokens);
		assertThat(
				new RawHttp(this.server.baseUrl()).get("/v1/tokens", RawHttp.bearer(this.server.adminToken())).status())
			.isEqualTo(200);
	}

}
