package com.lagrello.fake;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake's users API on the wire, seen by the JDK's HTTP client.
 */
class FakeLagrelloUsersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = "test-admin-token";

	private FakeLagrello lagrello;

	private Http http;

	@BeforeEach
	void start() {
		this.lagrello = FakeLagrello.builder().adminToken(ADMIN).start();
		this.http = new Http(this.lagrello.baseUrl());
	}

	@AfterEach
	void stop() {
		this.lagrello.close();
	}

	@Test
	void createAnswers201WithTheUserWhomGetThenFinds() {
		HttpResponse<String> created = this.http.send("POST", "/v1/users", ADMIN,
				"{\"userId\":\"ada\",\"email\":\"ada@example.com\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(JSON.readTree(created.body()))
			.isEqualTo(JSON.readTree("{\"userId\":\"ada\",\"email\":\"ada@example.com\"}"));
		HttpResponse<String> found = this.http.get("/v1/users/ada", ADMIN);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(found.body())).isEqualTo(JSON.readTree(created.body()));
		assertThat(this.lagrello.users()).containsExactly(new FakeUser("ada", "ada@example.com"));
	}

	@Test
	void aUserWithoutEmailHasNoEmailMember() {
		HttpResponse<String> created = this.http.send("POST", "/v1/users", ADMIN, "{\"userId\":\"bob\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).isEqualTo("{\"userId\":\"bob\"}");
		assertThat(this.lagrello.user("bob")).hasValue(new FakeUser("bob", null));
	}

	@Test
	void createOfAnExistingUserIs409AndChangesNothing() {
		this.lagrello.addUser("ada", "ada@example.com");

		HttpResponse<String> again = this.http.send("POST", "/v1/users", ADMIN,
				"{\"userId\":\"ada\",\"email\":\"other@example.com\"}");

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(errorType(again)).isEqualTo("CONFLICT");
		assertThat(this.lagrello.user("ada")).hasValue(new FakeUser("ada", "ada@example.com"));
	}

	@Test
	void createWithoutAValidUserIdOrEmailIs400() {
		for (String body : new String[] { "{}", "{\"userId\":\"\"}", "{\"userId\":\"  \"}", "{\"userId\":7}",
				"{\"userId\":\"" + "x".repeat(129) + "\"}", "{\"userId\":\"ada\",\"email\":\"no-at-sign\"}",
				"[\"ada\"]", "not json" }) {
			HttpResponse<String> refused = this.http.send("POST", "/v1/users", ADMIN, body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(errorType(refused)).isEqualTo("BAD_REQUEST");
		}
		assertThat(this.http.send("POST", "/v1/users", ADMIN, "{\"userId\":\"" + "x".repeat(128) + "\"}").statusCode())
			.isEqualTo(201);
		assertThat(this.lagrello.users()).hasSize(1);
	}

	@Test
	void aUserIdOf128EmojiIsTakenAsTheApiCountsCodePointsAnd129Refused() {
		String emoji128 = "\uD83D\uDE00".repeat(128);

		HttpResponse<String> created = this.http.send("POST", "/v1/users", ADMIN, "{\"userId\":\"" + emoji128 + "\"}");

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(JSON.readTree(created.body()).get("userId").stringValue()).isEqualTo(emoji128);
		assertThat(
				this.http.get("/v1/users/" + URLEncoder.encode(emoji128, StandardCharsets.UTF_8), ADMIN).statusCode())
			.isEqualTo(200);
		HttpResponse<String> refused = this.http.send("POST", "/v1/users", ADMIN,
				"{\"userId\":\"" + "\uD83D\uDE00".repeat(129) + "\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(errorType(refused)).isEqualTo("BAD_REQUEST");
		assertThat(this.lagrello.users()).extracting(FakeUser::userId).containsExactly(emoji128);
	}

	@Test
	void addUserTakesAnIdOf128EmojiAndRefuses129() {
		String emoji128 = "\uD83D\uDE00".repeat(128);

		assertThat(this.lagrello.addUser(emoji128, null).userId()).isEqualTo(emoji128);
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.addUser("\uD83D\uDE00".repeat(129), null));
	}

	@Test
	void updateChangesTheEmailAndAnswersTheUser() {
		this.lagrello.addUser("ada", "ada@example.com");

		HttpResponse<String> updated = this.http.send("PATCH", "/v1/users/ada", ADMIN,
				"{\"email\":\"ada@lovelace.example\"}");

		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(updated.body()).get("email").stringValue()).isEqualTo("ada@lovelace.example");
		assertThat(this.lagrello.user("ada")).hasValue(new FakeUser("ada", "ada@lovelace.example"));
	}

	@Test
	void deleteAnswers204ThenTheUserIsGone() {
		this.lagrello.addUser("ada", null);

		assertThat(this.http.send("DELETE", "/v1/users/ada", ADMIN, null).statusCode()).isEqualTo(204);

		assertThat(this.lagrello.user("ada")).isEmpty();
		assertThat(this.http.get("/v1/users/ada", ADMIN).statusCode()).isEqualTo(404);
	}

	@Test
	void getUpdateAndDeleteOfAnUnknownUserAre404() {
		HttpResponse<String> get = this.http.get("/v1/users/nobody", ADMIN);
		HttpResponse<String> update = this.http.send("PATCH", "/v1/users/nobody", ADMIN, "{\"email\":\"a@b.c\"}");
		HttpResponse<String> delete = this.http.send("DELETE", "/v1/users/nobody", ADMIN, null);

		assertThat(get.statusCode()).isEqualTo(404);
		assertThat(errorType(get)).isEqualTo("NOT_FOUND");
		assertThat(update.statusCode()).isEqualTo(404);
		assertThat(delete.statusCode()).isEqualTo(404);
		assertThat(this.lagrello.users()).isEmpty();
	}

	@Test
	void aUserIdIsOnePercentEncodedPathSegment() {
		this.lagrello.addUser("a/b c?", null);

		HttpResponse<String> found = this.http.get("/v1/users/a%2Fb%20c%3F", ADMIN);

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(found.body()).get("userId").stringValue()).isEqualTo("a/b c?");
		assertThat(this.http.get("/v1/users/a/b", ADMIN).statusCode()).isEqualTo(404);
	}

	@Test
	void aMissingOrUnknownAccessTokenIs403() {
		HttpResponse<String> missing = this.http.send("POST", "/v1/users", null, "{\"userId\":\"ada\"}");
		HttpResponse<String> unknown = this.http.get("/v1/users/ada", "not-a-token-it-holds");

		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(errorType(missing)).isEqualTo("FORBIDDEN");
		assertThat(unknown.statusCode()).isEqualTo(403);
		assertThat(this.lagrello.users()).isEmpty();
	}

	@Test
	void changesNeedATokenWithWriteAndReadsDoNot() {
		FakeToken reader = this.lagrello.addToken("reader");
		this.lagrello.addUser("ada", null);

		assertThat(this.http.send("POST", "/v1/users", reader.tokenKey(), "{\"userId\":\"bob\"}").statusCode())
			.isEqualTo(403);
		assertThat(this.http.send("PATCH", "/v1/users/ada", reader.tokenKey(), "{\"email\":\"a@b.c\"}").statusCode())
			.isEqualTo(403);
		assertThat(this.http.send("DELETE", "/v1/users/ada", reader.tokenKey(), null).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/v1/users/ada", reader.tokenKey()).statusCode()).isEqualTo(200);
		FakeToken writer = this.lagrello.addToken("writer", "WRITE");
		assertThat(this.http.send("POST", "/v1/users", writer.tokenKey(), "{\"userId\":\"bob\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void otherMethodsAre405WithAllow() {
		HttpResponse<String> list = this.http.get("/v1/users", ADMIN);
		HttpResponse<String> put = this.http.send("PUT", "/v1/users/ada", ADMIN, "{}");

		assertThat(list.statusCode()).isEqualTo(405);
		assertThat(list.headers().firstValue("Allow")).hasValue("POST");
		assertThat(put.statusCode()).isEqualTo(405);
		assertThat(put.headers().firstValue("Allow")).hasValue("GET, PATCH, DELETE");
		assertThat(this.http.get("/v1/users/ada/unknown", ADMIN).statusCode()).isEqualTo(404);
	}

	@Test
	void addUserRefusesWhatTheApiRefuses() {
		this.lagrello.addUser("ada", null);

		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.addUser("ada", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.addUser(" ", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.addUser("x".repeat(129), null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.addUser("bob", "no-at-sign"));
	}

	@Test
	void resetForgetsTheUsers() {
		this.lagrello.addUser("ada", null);
		this.http.send("POST", "/v1/users", ADMIN, "{\"userId\":\"bob\"}");

		this.lagrello.reset();

		assertThat(this.lagrello.users()).isEmpty();
		assertThat(this.http.get("/v1/users/bob", ADMIN).statusCode()).isEqualTo(404);
	}

	private static String errorType(HttpResponse<String> response) {
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.get("message").isString()).isTrue();
		return error.get("errorType").stringValue();
	}

}
