package com.lagrello.sample.mvc;

import com.jayway.jsonpath.JsonPath;
import com.lagrello.client.User;
import com.lagrello.test.AutoConfigureFakeLagrello;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User sign-up with TOTP and code checks through the blocking clients, against the fake
 * Lagrello API, which computes the codes a user's authenticator app would show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeLagrello
@ExtendWith(OutputCaptureExtension.class)
class SignUpTests {

	@Autowired
	private FakeLagrelloServer lagrello;

	private RestTestClient client;

	@BeforeEach
	void setUp(@LocalServerPort int port) {
		this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void signUpCreatesTheUserWithTotpAndAnswersTheQrLinkWithoutLoggingIt(CapturedOutput output) {
		String answer = this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"alice\",\"email\":\"alice@example.com\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String qrImage = JsonPath.read(answer, "$.qrImage");

		assertThat(this.lagrello.user("alice")).contains(new User("alice", "alice@example.com"));
		assertThat(this.lagrello.totpCode("alice")).hasSize(6);
		assertThat(JsonPath.<String>read(answer, "$.userId")).isEqualTo("alice");
		assertThat(answer).doesNotContain("secretKey");
		assertThat(qrImage).isNotBlank();
		assertThat(output).doesNotContain(qrImage);
	}

	@Test
	void theCurrentCodeVerifiesOnceAndAnswersTheUser(CapturedOutput output) {
		signUp("bob");
		String code = this.lagrello.totpCode("bob");

		verify("bob", code).expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("bob");
		verify("bob", code).expectStatus().isUnauthorized();
		assertThat(output).doesNotContain(code);
	}

	@Test
	void aWrongCodeIs401() {
		signUp("carol");
		String wrong = this.lagrello.totpCode("carol").equals("000000") ? "111111" : "000000";

		verify("carol", wrong).expectStatus().isUnauthorized();
	}

	@Test
	void aTakenUserIdIs409() {
		this.lagrello.addUser("dave", null);

		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"dave\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void whenLagrelloIsDownAVerificationIsA502NeverA401() {
		signUp("erin");
		this.lagrello.failNext(1, FakeFault.status(503));

		verify("erin", this.lagrello.totpCode("erin")).expectStatus().isEqualTo(502);
	}

	private void signUp(String userId) {
		this.client.post()
			.uri("/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"userId\":\"" + userId + "\"}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private RestTestClient.ResponseSpec verify(String userId, String code) {
		return this.client.post()
			.uri("/users/{userId}/totp/verify", userId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"code\":\"" + code + "\"}")
			.exchange();
	}

}
