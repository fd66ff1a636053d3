package com.lagrello.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client input the fake cannot read is a {@code 400} with the API's {@code Error} body,
 * never a {@code 500}.
 */
class FakeLagrelloServerMalformedInputTests {

	@RegisterExtension
	static final FakeLagrelloExtension lagrello = new FakeLagrelloExtension();

	private RawHttp http(FakeLagrelloServer server) {
		return new RawHttp(server.baseUrl());
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "DELETE,/v1/tokens/%zz", "DELETE,/v1/tokens/%", "GET,/v1/tokens?size=%zz", "GET,/v1/tokens?page=%",
			"GET,/v1/tokens?page=%e2%82" })
	void malformedPercentEncodingAnswers400WithTheErrorBody(String method, String target, FakeLagrelloServer server) {
		RawHttp.Response response = http(server).send(method, target, RawHttp.bearer(server.adminToken()), null);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"errorType\":\"BAD_REQUEST\"");
	}

	@Test
	void createWithABodyThatIsNotJsonAnswers400AndCreatesNothing(FakeLagrelloServer server) {
		int before = server.tokens().size();

		RawHttp.Response response = http(server).send("POST", "/v1/tokens", RawHttp.bearer(server.adminToken()),
				"{\"tokenName\":\"ci\",\"permissions\":[\"READ\"]}", "text/plain");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"errorType\":\"BAD_REQUEST\"").contains("application/json");
		assertThat(server.tokens()).hasSize(before);
	}

}
