package com.lagrello.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /v1/tokens/{id}} on {@link FakeLagrelloServer}.
 */
class FakeLagrelloServerDeleteTests {

	private FakeLagrelloServer server;

	private RawHttp http;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().seedTokens(2).start();
		this.http = new RawHttp(this.server.baseUrl());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void deleteAnswers204WithoutBodyAndRemovesTheToken() {
		Token doomed = this.server.tokens().get(1);
		RawHttp.Response response = this.http.send("DELETE", "/v1/tokens/" + doomed.tokenKey(), admin(), null);
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(this.server.token(doomed.tokenKey())).isEmpty();
		assertThat(this.server.tokens()).hasSize(2);
	}

	@Test
	void deleteOfUnknownTokenAnswers404WithErrorBody() {
		RawHttp.Response response = this.http.send("DELETE", "/v1/tokens/ffd12fb4-da5b-4751-a9f6-d3214b418139", admin(),
				null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("NOT_FOUND");
		assertThat(response.json().get("message").stringValue()).isNotBlank();
	}

	@Test
	void deleteOfUnknownTokenFailsTheClientWith404() {
		StepVerifier.create(this.server.tokensClient().delete("no-such-token"))
			.expectErrorSatisfies(
					(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
						assertThat(api.statusCode()).isEqualTo(404);
						assertThat(api.errorType()).isEqualTo("NOT_FOUND");
					}))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void deleteOfAlreadyDeletedTokenAnswers404() {
		Token doomed = this.server.tokens().get(1);
		StepVerifier.create(this.server.tokensClient().delete(doomed.tokenKey())).verifyComplete();
		RawHttp.Response again = this.http.send("DELETE", "/v1/tokens/" + doomed.tokenKey(), admin(), null);
		assertThat(again.status()).isEqualTo(404);
	}

	@Test
	void deleteWithoutAdminPermissionAnswers403AndKeepsTheToken() {
		Token writer = this.server.addToken("writer", Permission.WRITE);
		Token target = this.server.tokens().get(1);
		RawHttp.Response response = this.http.send("DELETE", "/v1/tokens/" + target.tokenKey(),
				RawHttp.bearer(writer.tokenKey()), null);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("FORBIDDEN");
		assertThat(this.server.token(target.tokenKey())).isPresent();
	}

	@Test
	void tokenIdIsOnePercentDecodedPathSegment() {
		Token odd = this.server.addToken(new Token("a/b c", "odd", "admin", Instant.now(), List.of(Permission.READ)));
		TokensClient client = this.server.tokensClient();
		StepVerifier.create(client.delete(odd.tokenKey())).verifyComplete();
		assertThat(this.server.token("a/b c")).isEmpty();
		assertThat(this.server.requests()).last().extracting(RecordedRequest::path).isEqualTo("/v1/tokens/a%2Fb%20c");
	}

	private String admin() {
		return RawHttp.bearer(this.server.adminToken());
	}

}
