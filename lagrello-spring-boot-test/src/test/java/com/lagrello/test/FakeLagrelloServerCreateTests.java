package com.lagrello.test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/tokens} on {@link FakeLagrelloServer}.
 */
@ExtendWith(FakeLagrelloExtension.class)
class FakeLagrelloServerCreateTests {

	private final FakeLagrelloServer server;

	private final RawHttp http;

	FakeLagrelloServerCreateTests(FakeLagrelloServer server) {
		this.server = server;
		this.http = new RawHttp(server.baseUrl());
	}

	@Test
	void createAnswers200WithTheNewTokenAsJson() {
		RawHttp.Response response = this.http.send("POST", "/v1/tokens", admin(),
				"{\"tokenName\":\"ci\",\"permissions\":[\"WRITE\"]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("application/json");
		JsonNode token = response.json();
		assertThat(UUID.fromString(token.get("tokenKey").stringValue())).isNotNull();
		assertThat(token.get("tokenName").stringValue()).isEqualTo("ci");
		assertThat(token.get("createdBy").stringValue()).isEqualTo(FakeLagrelloServer.ADMIN_TOKEN_NAME);
		assertThat(Instant.parse(token.get("createdAt").stringValue())).isBeforeOrEqualTo(Instant.now());
		assertThat(token.get("permissions").values()).extracting(JsonNode::stringValue)
			.containsExactly("READ", "WRITE");
	}

	@Test
	void createdTokenIsKeptByTheServer() {
		Token created = client().create(CreateTokenRequest.of("kept")).block(Duration.ofSeconds(10));
		assertThat(this.server.token(created.tokenKey())).contains(created);
	}

	@Test
	void createdTokenHasReadWhenNoPermissionIsAskedFor() {
		StepVerifier.create(client().create(CreateTokenRequest.of("plain")))
			.assertNext((token) -> assertThat(token.permissions()).containsExactly(Permission.READ))
			.verifyComplete();
	}

	@Test
	void createdTokenHasReadBesidesThePermissionsAskedFor() {
		StepVerifier.create(client().create(CreateTokenRequest.of("writer", Permission.WRITE, Permission.ADMIN)))
			.assertNext((token) -> assertThat(token.permissions()).containsExactly(Permission.READ, Permission.WRITE,
					Permission.ADMIN))
			.verifyComplete();
	}

	@Test
	void createdByIsTheNameOfTheCallingToken() {
		Token deputy = this.server.addToken("deputy", Permission.ADMIN);
		TokensClient asDeputy = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(deputy.tokenKey())
			.build();
		StepVerifier.create(asDeputy.create(CreateTokenRequest.of("made-by-deputy")))
			.assertNext((token) -> assertThat(token.createdBy()).isEqualTo("deputy"))
			.verifyComplete();
	}

	@Test
	void createWithoutAdminPermissionAnswers403WithErrorBody() {
		Token writer = this.server.addToken("writer", Permission.WRITE);
		RawHttp.Response response = this.http.send("POST", "/v1/tokens", RawHttp.bearer(writer.tokenKey()),
				"{\"tokenName\":\"nope\"}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("FORBIDDEN");
		assertThat(response.json().get("message").stringValue()).contains("ADMIN");
		assertThat(this.server.tokens()).extracting(Token::tokenName).doesNotContain("nope");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"tokenName\":\"\"}", "{\"tokenName\":\"   \"}", "{\"permissions\":[\"READ\"]}",
			"{\"tokenName\":42}", "{\"tokenName\":null}", "{\"tokenName\":\"x\",\"permissions\":[\"AUDIT\"]}",
			"{\"tokenName\":\"x\",\"permissions\":\"READ\"}", "{\"tokenName\":\"x\",\"permissions\":[null]}",
			"{\"tokenName\": \"unterminated", "not json", "[]", "" })
	void invalidCreateRequestAnswers400WithErrorBody(String body) {
		RawHttp.Response response = this.http.send("POST", "/v1/tokens", admin(), body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("BAD_REQUEST");
		assertThat(this.server.tokens()).hasSize(1);
	}

	@Test
	void tokenNameLongerThan128CharactersAnswers400() {
		RawHttp.Response response = this.http.send("POST", "/v1/tokens", admin(),
				"{\"tokenName\":\"" + "n".repeat(129) + "\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("message").stringValue()).contains("128");
	}

	@Test
	void tokenNameOf128CharactersIsAccepted() {
		StepVerifier.create(client().create(CreateTokenRequest.of("n".repeat(128))))
			.assertNext((token) -> assertThat(token.tokenName()).hasSize(128))
			.verifyComplete();
	}

	@Test
	void clientSeesA403AsLagrelloApiException() {
		Token reader = this.server.addToken("reader");
		TokensClient asReader = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(reader.tokenKey())
			.build();
		StepVerifier.create(asReader.create(CreateTokenRequest.of("nope")))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(403)))
			.verify(Duration.ofSeconds(10));
	}

	private TokensClient client() {
		return this.server.tokensClient();
	}

	private String admin() {
		return RawHttp.bearer(this.server.adminToken());
	}

}
