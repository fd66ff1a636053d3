package com.lagrello.fake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * TOTP on the fake, on the wire and on a clock the test moves: enabling gives an RFC 6238
 * secret, and codes computed from it apart from the fake verify, each once.
 */
class FakeLagrelloTotpTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = "test-admin-token";

	// the start of a 30-second step, plus 10 seconds
	private final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1_700_000_010L));

	private FakeLagrello lagrello;

	private Http http;

	@BeforeEach
	void start() {
		this.lagrello = FakeLagrello.builder().adminToken(ADMIN).clock(this.clock).start();
		this.http = new Http(this.lagrello.baseUrl());
		this.lagrello.addUser("ada", "ada@example.com");
	}

	@AfterEach
	void stop() {
		this.lagrello.close();
	}

	@Test
	void enableAnswersABase32SecretAndAQrImageLinkThatDoesNotHoldIt() {
		HttpResponse<String> enabled = this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":true}");

		assertThat(enabled.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(enabled.body());
		String secretKey = body.get("secretKey").stringValue();
		assertThat(secretKey).matches("[A-Z2-7]{32}");
		URI qrImage = URI.create(body.get("qrImage").stringValue());
		assertThat(qrImage.isAbsolute()).isTrue();
		assertThat(qrImage.toString()).doesNotContainIgnoringCase(secretKey)
			.doesNotContain(ReferenceTotp.codeAt(ReferenceTotp.base32Decode(secretKey), now()));
	}

	@Test
	void theQrImageLinkIsAPngTheFakeServesItselfToABrowserWithoutAToken() throws IOException {
		URI qrImage = qrImage(this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":true}"));

		assertThat(qrImage.resolve("/")).isEqualTo(this.lagrello.baseUrl().resolve("/"));
		HttpResponse<byte[]> image = this.http.getBytes(qrImage);
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.body()));
		assertThat(png).as("a PNG image").isNotNull();
		assertThat(png.getWidth()).isEqualTo(png.getHeight()).isGreaterThanOrEqualTo(100);
	}

	@Test
	void aQrImageLinkTheFakeDidNotGiveOrThatWasReplacedIs404() {
		URI first = qrImage(this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":true}"));
		URI second = qrImage(this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":true}"));

		assertThat(this.http.getBytes(second).statusCode()).isEqualTo(200);
		assertThat(this.http.getBytes(first).statusCode()).isEqualTo(404);
		assertThat(this.http.getBytes(this.lagrello.baseUrl().resolve("/qr/not-an-id.png")).statusCode())
			.isEqualTo(404);
	}

	private static URI qrImage(HttpResponse<String> enabled) {
		assertThat(enabled.statusCode()).isEqualTo(200);
		return URI.create(JSON.readTree(enabled.body()).get("qrImage").stringValue());
	}

	@Test
	void theCodeOfTheSecretVerifiesOnceWithTheUser() {
		String code = ReferenceTotp.codeAt(secretOf("ada"), now());

		HttpResponse<String> verified = verify("ada", code);
		HttpResponse<String> again = verify("ada", code);

		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(verified.body()))
			.isEqualTo(JSON.readTree("{\"userId\":\"ada\",\"email\":\"ada@example.com\"}"));
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(again.body()).get("errorType").stringValue()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void thePreviousStepsCodeIsAcceptedAndOneTwoStepsOldIsNot() {
		byte[] secret = secretOf("ada");
		String previous = ReferenceTotp.codeAt(secret, now());
		String older = ReferenceTotp.codeAt(secret, now() - 30);

		this.clock.advance(Duration.ofSeconds(30));
		String current = ReferenceTotp.codeAt(secret, now());

		// one in a million: the old code is also one of the two good ones
		boolean olderIsGood = older.equals(previous) || older.equals(current);
		assertThat(verify("ada", older).statusCode()).isEqualTo(olderIsGood ? 200 : 401);
		assertThat(verify("ada", previous).statusCode()).isEqualTo(olderIsGood ? 401 : 200);
	}

	@Test
	void onceACodeIsAcceptedNoEarlierCodeIs() {
		byte[] secret = secretOf("ada");
		String previous = ReferenceTotp.codeAt(secret, now());
		this.clock.advance(Duration.ofSeconds(30));

		assertThat(verify("ada", ReferenceTotp.codeAt(secret, now())).statusCode()).isEqualTo(200);
		assertThat(verify("ada", previous).statusCode()).isEqualTo(401);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(verify("ada", ReferenceTotp.codeAt(secret, now())).statusCode()).isEqualTo(200);
	}

	@Test
	void totpCodeIsTheCodeOfTheCurrentStep() {
		byte[] secret = secretOf("ada");

		assertThat(this.lagrello.totpCode("ada")).isEqualTo(ReferenceTotp.codeAt(secret, now()));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.lagrello.totpCode("ada")).isEqualTo(ReferenceTotp.codeAt(secret, now()));
		assertThat(verify("ada", this.lagrello.totpCode("ada")).statusCode()).isEqualTo(200);
	}

	@Test
	void aWrongOrMalformedCodeIs401() {
		byte[] secret = secretOf("ada");
		String code = ReferenceTotp.codeAt(secret, now());
		String previous = ReferenceTotp.codeAt(secret, now() - 30);
		int candidate = Integer.parseInt(code);
		String wrong;
		do {
			candidate = (candidate + 1) % 1_000_000;
			wrong = String.format("%06d", candidate);
		}
		while (wrong.equals(previous));

		assertThat(verify("ada", wrong).statusCode()).isEqualTo(401);
		assertThat(verify("ada", "12345").statusCode()).isEqualTo(401);
		assertThat(verify("ada", "abcdef").statusCode()).isEqualTo(401);
		assertThat(verify("ada", code).statusCode()).isEqualTo(200);
	}

	@Test
	void aUserWithoutTotpGets401AndAnUnknownUser404() {
		this.lagrello.addUser("bob", null);

		assertThat(verify("bob", "123456").statusCode()).isEqualTo(401);
		assertThat(verify("nobody", "123456").statusCode()).isEqualTo(404);
		assertThat(this.http.send("POST", "/v1/users/nobody/totp", ADMIN, "{\"enable\":true}").statusCode())
			.isEqualTo(404);
		assertThatIllegalStateException().isThrownBy(() -> this.lagrello.totpCode("bob"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.lagrello.totpCode("nobody"));
	}

	@Test
	void disableAnswers204AndTheSecretsCodesNoLongerVerify() {
		String code = ReferenceTotp.codeAt(secretOf("ada"), now());

		HttpResponse<String> disabled = this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":false}");

		assertThat(disabled.statusCode()).isEqualTo(204);
		assertThat(disabled.body()).isEmpty();
		assertThat(verify("ada", code).statusCode()).isEqualTo(401);
	}

	@Test
	void enablingAgainReplacesTheSecret() {
		byte[] first = secretOf("ada");
		byte[] second = secretOf("ada");

		assertThat(second).isNotEqualTo(first);
		assertThat(verify("ada", ReferenceTotp.codeAt(second, now())).statusCode()).isEqualTo(200);
	}

	@Test
	void deletingTheUserForgetsTheSecret() {
		String code = ReferenceTotp.codeAt(secretOf("ada"), now());
		this.http.send("DELETE", "/v1/users/ada", ADMIN, null);
		this.lagrello.addUser("ada", null);

		assertThat(verify("ada", code).statusCode()).isEqualTo(401);
	}

	@Test
	void aVerifyWithoutPayloadOrAToggleWithoutEnableIs400() {
		assertThat(this.http.get("/v1/users/ada/totp", ADMIN).statusCode()).isEqualTo(400);
		assertThat(this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{}").statusCode()).isEqualTo(400);
		assertThat(this.http.send("POST", "/v1/users/ada/totp", ADMIN, "{\"enable\":\"yes\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void togglingNeedsWriteAndVerifyingAReadToken() {
		FakeToken reader = this.lagrello.addToken("reader");
		String code = ReferenceTotp.codeAt(secretOf("ada"), now());

		assertThat(this.http.send("POST", "/v1/users/ada/totp", reader.tokenKey(), "{\"enable\":true}").statusCode())
			.isEqualTo(403);
		assertThat(this.http.get("/v1/users/ada/totp?payload=" + code, reader.tokenKey()).statusCode()).isEqualTo(200);
		assertThat(this.http.get("/v1/users/ada/totp?payload=" + code, null).statusCode()).isEqualTo(403);
	}

	@Test
	void aStatusFaultOnVerifyLeavesTheCodeUnused() {
		String code = ReferenceTotp.codeAt(secretOf("ada"), now());
		this.lagrello.failNext("GET", "/v1/users/{userId}/totp", 1, Fault.status(429));

		assertThat(verify("ada", code).statusCode()).isEqualTo(429);
		assertThat(verify("ada", code).statusCode()).isEqualTo(200);
	}

	@Test
	void resetForgetsTheSecrets() {
		secretOf("ada");

		this.lagrello.reset();
		this.lagrello.addUser("ada", null);

		assertThatIllegalStateException().isThrownBy(() -> this.lagrello.totpCode("ada"));
	}

	private byte[] secretOf(String userId) {
		HttpResponse<String> enabled = this.http.send("POST", "/v1/users/" + userId + "/totp", ADMIN,
				"{\"enable\":true}");
		assertThat(enabled.statusCode()).isEqualTo(200);
		return ReferenceTotp.base32Decode(JSON.readTree(enabled.body()).get("secretKey").stringValue());
	}

	private HttpResponse<String> verify(String userId, String code) {
		return this.http.get("/v1/users/" + userId + "/totp?payload=" + code, ADMIN);
	}

	private long now() {
		return this.clock.instant().getEpochSecond();
	}

}
