package com.lagrello.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link FakeLagrelloServer} answers outside the API it fakes, and to wrong methods.
 */
@ExtendWith(FakeLagrelloExtension.class)
class FakeLagrelloServerRoutingTests {

	private final FakeLagrelloServer server;

	private final RawHttp http;

	FakeLagrelloServerRoutingTests(FakeLagrelloServer server) {
		this.server = server;
		this.http = new RawHttp(server.baseUrl());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/v1/things", "/v1/tokens/", "/v1/tokens/a/b", "/v2/tokens", "/v1/users/",
			"/v1/users/a/b/c", "/v1/users/a/other" })
	void unknownPathAnswers404WithErrorBody(String path) {
		RawHttp.Response response = this.http.get(path, admin());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("NOT_FOUND");
	}

	@Test
	void unknownPathWithoutTokenAnswers401() {
		assertThat(this.http.get("/v1/things", null).status()).isEqualTo(401);
	}

	@Test
	void wrongMethodOnUsersAnswers405WithAllowHeader() {
		RawHttp.Response response = this.http.get("/v1/users", admin());
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().get("Allow")).isEqualTo("POST");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void wrongMethodOnTokensAnswers405WithAllowHeaderAndErrorBody() {
		RawHttp.Response response = this.http.send("PUT", "/v1/tokens", admin(), "{}");
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().get("Allow")).isEqualTo("GET, POST");
		assertThat(response.json().get("errorType").stringValue()).isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void wrongMethodOnATokenAnswers405() {
		RawHttp.Response response = this.http.get("/v1/tokens/" + this.server.adminToken(), admin());
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.headers().get("Allow")).isEqualTo("DELETE");
	}

	private String admin() {
		return RawHttp.bearer(this.server.adminToken());
	}

}
