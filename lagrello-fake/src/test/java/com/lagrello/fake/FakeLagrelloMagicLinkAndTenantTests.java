package com.lagrello.fake;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Magic links and the tenant whose callback URL they are made of, on the wire.
 */
class FakeLagrelloMagicLinkAndTenantTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ADMIN = "test-admin-token";

	private static final String INITIAL_CALLBACK_URL = "http://localhost/login/ott?token={}";

	private FakeLagrello lagrello;

	private Http http;

	@BeforeEach
	void start() {
		this.lagrello = FakeLagrello.builder().adminToken(ADMIN).start();
		this.http = new Http(this.lagrello.baseUrl());
		this.lagrello.addUser("ada", "ada@example.com");
	}

	@AfterEach
	void stop() {
		this.lagrello.close();
	}

	@Test
	void sendAnswers204AndEmailsTheCallbackUrlWithAFreshTokenEachTime() {
		assertThat(send("ada").statusCode()).isEqualTo(204);
		assertThat(send("ada").statusCode()).isEqualTo(204);

		List<String> links = this.lagrello.magicLinks("ada");
		assertThat(links).hasSize(2)
			.allSatisfy(
					(link) -> assertThat(link).startsWith("http://localhost/login/ott?token=").doesNotContain("{}"));
		assertThat(tokenOf(links.get(0))).isNotEqualTo(tokenOf(links.get(1))).hasSizeGreaterThanOrEqualTo(32);
	}

	@Test
	void aLinksTokenRedeemsOnceToItsUser() {
		send("ada");
		String token = tokenOf(this.lagrello.magicLinks("ada").get(0));

		HttpResponse<String> redeemed = redeem(token);
		HttpResponse<String> again = redeem(token);

		assertThat(redeemed.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(redeemed.body()))
			.isEqualTo(JSON.readTree("{\"userId\":\"ada\",\"email\":\"ada@example.com\"}"));
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(again.body()).get("errorType").stringValue()).isEqualTo("UNAUTHORIZED");
	}

	@Test
	void aTokenNeverSentIs401AndAMissingOne400() {
		assertThat(redeem("never-sent").statusCode()).isEqualTo(401);
		assertThat(this.http.get("/v1/users/email", ADMIN).statusCode()).isEqualTo(400);
	}

	@Test
	void aTokenOfAUserDeletedSinceIs404EvenWhenTheIdIsTakenAgain() {
		send("ada");
		String token = tokenOf(this.lagrello.magicLinks("ada").get(0));
		this.http.send("DELETE", "/v1/users/ada", ADMIN, null);
		this.lagrello.addUser("ada", "someone-else@example.com");

		assertThat(redeem(token).statusCode()).isEqualTo(404);
		assertThat(this.lagrello.magicLinks("ada")).isEmpty();
	}

	@Test
	void sendToAnUnknownUserIs404AndToAUserWithoutEmail400() {
		this.lagrello.addUser("bob", null);

		assertThat(send("nobody").statusCode()).isEqualTo(404);
		assertThat(send("bob").statusCode()).isEqualTo(400);
		assertThat(this.lagrello.magicLinks("nobody")).isEmpty();
		assertThat(this.lagrello.magicLinks("bob")).isEmpty();
	}

	@Test
	void sendNeedsWriteAndRedeemAnAccessToken() {
		FakeToken reader = this.lagrello.addToken("reader");
		assertThat(this.http.send("POST", "/v1/users/ada/email", reader.tokenKey(), null).statusCode()).isEqualTo(403);
		send("ada");
		String token = tokenOf(this.lagrello.magicLinks("ada").get(0));

		assertThat(this.http.get("/v1/users/email?payload=" + token, null).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/v1/users/email?payload=" + token, reader.tokenKey()).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyGetOfUsersEmailRedeemsOtherMethodsAreAboutTheUserEmail() {
		this.lagrello.addUser("email", "e@example.com");

		HttpResponse<String> deleted = this.http.send("DELETE", "/v1/users/email", ADMIN, null);

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.lagrello.user("email")).isEmpty();
	}

	@Test
	void theTenantHasItsFieldsAndTheInitialCallbackUrl() {
		HttpResponse<String> got = this.http.get("/v1/tenant", ADMIN);

		assertThat(got.statusCode()).isEqualTo(200);
		JsonNode tenant = JSON.readTree(got.body());
		assertThat(UUID.fromString(tenant.get("tenantId").stringValue()).toString())
			.isEqualTo(this.lagrello.tenant().tenantId());
		assertThat(tenant.get("tenantName").stringValue()).isNotBlank();
		assertThat(tenant.get("callbackUrl").stringValue()).isEqualTo(INITIAL_CALLBACK_URL);
		assertThat(tenant.get("activated").booleanValue()).isTrue();
		assertThat(tenant.get("companyInfo").propertyNames()).containsExactlyInAnyOrder("Name", "Address", "City",
				"PostalCode", "Country", "OrgNumber", "VATNumber");
		assertThat(tenant.get("companyInfo").get("VATNumber").stringValue())
			.isEqualTo(this.lagrello.tenant().companyInfo().vatNumber());
	}

	@Test
	void patchChangesTheCallbackUrlThatLaterLinksAreMadeOf() {
		String callbackUrl = "https://app.example.com/login/ott?token={}";

		HttpResponse<String> patched = this.http.send("PATCH", "/v1/tenant", ADMIN,
				"{\"callbackUrl\":\"" + callbackUrl + "\"}");
		send("ada");

		assertThat(patched.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(patched.body()).get("callbackUrl").stringValue()).isEqualTo(callbackUrl);
		assertThat(JSON.readTree(this.http.get("/v1/tenant", ADMIN).body()).get("callbackUrl").stringValue())
			.isEqualTo(callbackUrl);
		assertThat(this.lagrello.tenant().callbackUrl()).isEqualTo(callbackUrl);
		assertThat(this.lagrello.magicLinks("ada")).singleElement()
			.satisfies((link) -> assertThat(link).startsWith("https://app.example.com/login/ott?token="));
	}

	@Test
	void aCallbackUrlWithoutPlaceholderOrNotAbsoluteIs400() {
		for (String callbackUrl : new String[] { "https://app.example.com/login", "/login/ott?token={}", "{}",
				"not a url {}" }) {
			HttpResponse<String> refused = this.http.send("PATCH", "/v1/tenant", ADMIN,
					"{\"callbackUrl\":\"" + callbackUrl + "\"}");
			assertThat(refused.statusCode()).as(callbackUrl).isEqualTo(400);
		}
		assertThat(this.http.send("PATCH", "/v1/tenant", ADMIN, "{\"callbackUrl\":7}").statusCode()).isEqualTo(400);
		assertThat(this.lagrello.tenant().callbackUrl()).isEqualTo(INITIAL_CALLBACK_URL);
	}

	@Test
	void tenantNeedsAnAccessTokenAndItsChangeWrite() {
		FakeToken reader = this.lagrello.addToken("reader");

		assertThat(this.http.get("/v1/tenant", null).statusCode()).isEqualTo(403);
		assertThat(this.http.get("/v1/tenant", reader.tokenKey()).statusCode()).isEqualTo(200);
		assertThat(
				this.http.send("PATCH", "/v1/tenant", reader.tokenKey(), "{\"callbackUrl\":\"https://a.example/{}\"}")
					.statusCode())
			.isEqualTo(403);
		HttpResponse<String> delete = this.http.send("DELETE", "/v1/tenant", ADMIN, null);
		assertThat(delete.statusCode()).isEqualTo(405);
		assertThat(delete.headers().firstValue("Allow")).hasValue("GET, PATCH");
	}

	@Test
	void resetForgetsLinksAndTheTenantsChanges() {
		String tenantId = this.lagrello.tenant().tenantId();
		this.http.send("PATCH", "/v1/tenant", ADMIN, "{\"callbackUrl\":\"https://a.example/in?token={}\"}");
		send("ada");
		String token = tokenOf(this.lagrello.magicLinks("ada").get(0));

		this.lagrello.reset();
		this.lagrello.addUser("ada", "ada@example.com");

		assertThat(this.lagrello.tenant().callbackUrl()).isEqualTo(INITIAL_CALLBACK_URL);
		assertThat(this.lagrello.tenant().tenantId()).isEqualTo(tenantId);
		assertThat(this.lagrello.magicLinks("ada")).isEmpty();
		assertThat(redeem(token).statusCode()).isEqualTo(401);
	}

	@Test
	void aResponseLostOnSendHasSentTheLink() {
		this.lagrello.failNext("POST", "/v1/users/{userId}/email", 1, Fault.responseLost());
		this.lagrello.failNext("POST", 1, Fault.status(503));

		// the JDK's client does not re-send a POST whose connection closed
		assertThat(this.http.send("POST", "/v1/users", ADMIN, "{\"userId\":\"bob\"}").statusCode()).isEqualTo(503);
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> send("ada"));

		assertThat(this.lagrello.magicLinks("ada")).hasSize(1);
		assertThat(this.lagrello.user("bob")).isEmpty();
	}

	private HttpResponse<String> send(String userId) {
		return this.http.send("POST", "/v1/users/" + userId + "/email", ADMIN, null);
	}

	private HttpResponse<String> redeem(String token) {
		return this.http.get("/v1/users/email?payload=" + URLEncoder.encode(token, StandardCharsets.UTF_8), ADMIN);
	}

	private static String tokenOf(String link) {
		return URI.create(link).getQuery().substring("token=".length());
	}

}
