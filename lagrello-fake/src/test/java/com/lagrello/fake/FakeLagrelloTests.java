package com.lagrello.fake;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The stateful fake of the Tokens API on the wire, seen by the JDK's HTTP client: a
 * plain-Java test, with no Spring and no Lagrello client.
 */
class FakeLagrelloTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FakeLagrello lagrello;

	private Http http;

	@BeforeEach
	void start() {
		this.lagrello = FakeLagrello.builder().adminToken("test-admin-token").seedTokens(3).start();
		this.http = new Http(this.lagrello.baseUrl());
	}

	@AfterEach
	void stop() {
		this.lagrello.close();
	}

	@Test
	void createdTokenHasReadAndAuthenticatesFromThenOn() {
		HttpResponse<String> created = this.http.send("POST", "/v1/tokens", "test-admin-token",
				"{\"tokenName\":\"ci\",\"permissions\":[\"WRITE\"]}");

		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode token = JSON.readTree(created.body());
		assertThat(token.get("tokenName").stringValue()).isEqualTo("ci");
		assertThat(token.get("createdBy").stringValue()).isEqualTo(FakeLagrello.ADMIN_TOKEN_NAME);
		assertThat(token.get("permissions").values()).extracting(JsonNode::stringValue)
			.containsExactly("READ", "WRITE");
		String key = token.get("tokenKey").stringValue();
		assertThat(this.lagrello.token(key)).hasValueSatisfying((held) -> {
			assertThat(held.tokenName()).isEqualTo("ci");
			assertThat(held.createdAt().toString()).isEqualTo(token.get("createdAt").stringValue());
		});
		assertThat(this.http.get("/v1/tokens", key).statusCode()).isEqualTo(200);
	}

	@Test
	void listPagesTheTokensInCreationOrderWithAbsoluteLinksOnItsOwnOrigin() {
		HttpResponse<String> response = this.http.get("/v1/tokens?page=1&size=2", "test-admin-token");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode page = JSON.readTree(response.body());
		assertThat(page.get("data").values()).extracting((token) -> token.get("tokenName").stringValue())
			.containsExactly("token-2", "token-3");
		assertThat(page.get("paging").get("next").isNull()).isTrue();
		assertThat(page.get("paging").get("previous").stringValue())
			.isEqualTo(this.lagrello.baseUrl() + "/v1/tokens?page=0&size=2");
	}

	@Test
	void requestWithoutABearerTokenIs401AndWithAnUnknownOne403() {
		HttpResponse<String> missing = this.http.get("/v1/tokens", null);
		HttpResponse<String> unknown = this.http.get("/v1/tokens", "not-a-token-it-holds");

		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(JSON.readTree(missing.body()).get("errorType").stringValue()).isEqualTo("UNAUTHORIZED");
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(unknown.body()).get("errorType").stringValue()).isEqualTo("FORBIDDEN");
	}

	@Test
	void deleteNeedsAdminAndAnswers404ForAnUnknownToken() {
		FakeToken reader = this.lagrello.addToken("reader");
		String target = "/v1/tokens/" + keyOf("token-1");

		assertThat(this.http.send("DELETE", target, reader.tokenKey(), null).statusCode()).isEqualTo(403);
		assertThat(this.http.send("DELETE", target, "test-admin-token", null).statusCode()).isEqualTo(204);
		assertThat(this.http.send("DELETE", target, "test-admin-token", null).statusCode()).isEqualTo(404);
		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName).doesNotContain("token-1");
	}

	@Test
	void invalidInputIs400AndUnknownPaths404Or405WithAllow() {
		assertThat(this.http.get("/v1/tokens?size=21", "test-admin-token").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/v1/tokens?page=-1", "test-admin-token").statusCode()).isEqualTo(400);
		assertThat(this.http.send("POST", "/v1/tokens", "test-admin-token", "{\"tokenName\":\" \"}").statusCode())
			.isEqualTo(400);
		assertThat(this.http.get("/v2/things", "test-admin-token").statusCode()).isEqualTo(404);
		HttpResponse<String> put = this.http.send("PUT", "/v1/tokens", "test-admin-token", "{}");
		assertThat(put.statusCode()).isEqualTo(405);
		assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
	}

	@Test
	void aTokenNameOf128EmojiIsTakenAsTheApiCountsCodePointsAnd129Refused() {
		String emoji128 = "\uD83D\uDE00".repeat(128);

		HttpResponse<String> created = this.http.send("POST", "/v1/tokens", "test-admin-token",
				"{\"tokenName\":\"" + emoji128 + "\"}");

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(created.body()).get("tokenName").stringValue()).isEqualTo(emoji128);
		for (String tooLong : new String[] { "\uD83D\uDE00".repeat(129), "x".repeat(129) }) {
			HttpResponse<String> refused = this.http.send("POST", "/v1/tokens", "test-admin-token",
					"{\"tokenName\":\"" + tooLong + "\"}");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(refused.body()).get("errorType").stringValue()).isEqualTo("BAD_REQUEST");
		}
		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName)
			.contains(emoji128)
			.doesNotContain("\uD83D\uDE00".repeat(129), "x".repeat(129));
	}

	@Test
	void statusFaultAnswersTheStatusWithItsNameAndRetryAfterWithoutApplyingTheRequest() {
		this.lagrello.failNext("post", 1, Fault.status(429).retryAfter(Duration.ofMillis(1500)));

		HttpResponse<String> refused = this.http.send("POST", "/v1/tokens", "test-admin-token",
				"{\"tokenName\":\"refused\"}");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(JSON.readTree(refused.body()).get("errorType").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName).doesNotContain("refused");
		assertThat(this.http.get("/v1/tokens", "test-admin-token").statusCode()).isEqualTo(200);
	}

	@Test
	void faultsAreUsedUpInTheOrderTheyWereAddedByMethod() {
		this.lagrello.failNext("DELETE", 1, Fault.status(500));
		this.lagrello.failNext(1, Fault.status(503));

		assertThat(this.http.get("/v1/tokens", "test-admin-token").statusCode()).isEqualTo(503);
		assertThat(this.http.send("DELETE", "/v1/tokens/token-1", "test-admin-token", null).statusCode())
			.isEqualTo(500);
		assertThat(this.http.get("/v1/tokens", "test-admin-token").statusCode()).isEqualTo(200);
		assertThat(this.lagrello.requests()).hasSize(3);
	}

	@Test
	void responseLostAppliesTheRequestThenClosesTheConnectionUnanswered() {
		this.lagrello.failNext(1, Fault.responseLost());

		// a POST: the JDK's client re-sends an idempotent request whose connection closed
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.send("POST", "/v1/tokens", "test-admin-token", "{\"tokenName\":\"lost\"}"));

		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName).contains("lost");
		assertThat(this.lagrello.requests()).hasSize(1);
	}

	@Test
	void connectionResetClosesTheConnectionWithoutApplyingTheRequest() {
		this.lagrello.failNext(1, Fault.connectionReset());

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.send("POST", "/v1/tokens", "test-admin-token", "{\"tokenName\":\"never\"}"));

		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName).doesNotContain("never");
		assertThat(this.lagrello.requests()).hasSize(1);
	}

	@Test
	void delayedAnswerAppliesTheRequestOnlyWhenItIsSent() {
		this.lagrello.failNext(1, Fault.delay(Duration.ofMinutes(5)));

		CompletableFuture<HttpResponse<String>> pending = new Http(this.lagrello.baseUrl()).getAsync("/v1/tokens");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.lagrello.requests()).hasSize(1));

		assertThat(pending).isNotDone();
		this.lagrello.failNext(1, Fault.delay(Duration.ofMillis(20)));
		assertThat(this.http.send("POST", "/v1/tokens", "test-admin-token", "{\"tokenName\":\"late\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName).contains("late");
	}

	@Test
	void resetGoesBackToTheInitialTokensAndForgetsRequestsAndFaults() {
		this.lagrello.addToken("extra", "AUDIT");
		this.lagrello.removeToken(keyOf("token-1"));
		this.lagrello.failNext(1, Fault.status(503));
		this.http.get("/v1/tokens", "test-admin-token");

		this.lagrello.reset();

		assertThat(this.lagrello.tokens()).extracting(FakeToken::tokenName)
			.containsExactly("admin", "token-1", "token-2", "token-3");
		assertThat(this.lagrello.requests()).isEmpty();
		assertThat(this.http.get("/v1/tokens", "test-admin-token").statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWithAPermissionTheApiDoesNotKnowIsServedAsIs() {
		FakeToken auditor = this.lagrello.addToken("auditor", "AUDIT");

		HttpResponse<String> page = this.http.get("/v1/tokens?page=4&size=1", "test-admin-token");

		assertThat(auditor.permissions()).containsExactly("READ", "AUDIT");
		assertThat(page.body()).contains("\"permissions\":[\"READ\",\"AUDIT\"]");
	}

	private String keyOf(String tokenName) {
		return this.lagrello.tokens()
			.stream()
			.filter((token) -> token.tokenName().equals(tokenName))
			.findFirst()
			.orElseThrow()
			.tokenKey();
	}

	@Test
	void absurdSettingsAndFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLagrello.builder().adminToken("with space"));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeLagrello.builder().seedTokens(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(302));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.delay(Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.failNext(0, Fault.status(503)));
		assertThat(Fault.status(503).retryAfter(Duration.ofSeconds(1)))
			.hasToString("Fault.status(503).retryAfter(PT1S)");
	}

}
