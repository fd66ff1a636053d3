package com.lagrello.test;

import java.net.URI;
import java.time.Duration;

import com.lagrello.client.CompanyInfo;
import com.lagrello.client.Tenant;
import com.lagrello.client.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The users, TOTP, magic links and tenant of {@link FakeLagrelloServer}, seen through its
 * methods in the client's types and on the socket.
 */
class FakeLagrelloServerSignInTests {

	private FakeLagrelloServer server;

	private RawHttp http;

	private String admin;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().start();
		this.http = new RawHttp(this.server.baseUrl());
		this.admin = RawHttp.bearer(this.server.adminToken());
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void addedUsersAreServedAndUsersCreatedOnTheWireAreListed() {
		User ada = this.server.addUser("ada", "ada@example.com");

		RawHttp.Response got = this.http.get("/v1/users/ada", this.admin);
		RawHttp.Response created = this.http.send("POST", "/v1/users", this.admin, "{\"userId\":\"bob\"}");

		assertThat(ada).isEqualTo(new User("ada", "ada@example.com"));
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json().get("email").stringValue()).isEqualTo("ada@example.com");
		assertThat(created.status()).isEqualTo(201);
		assertThat(this.server.users()).containsExactly(ada, new User("bob", null));
		assertThat(this.server.user("bob")).hasValue(new User("bob", null));
		assertThat(this.server.user("nobody")).isEmpty();
	}

	@Test
	void addUserRefusesAnExistingOrInvalidUser() {
		this.server.addUser("ada", null);

		assertThatIllegalArgumentException().isThrownBy(() -> this.server.addUser("ada", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.addUser("", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.addUser("bob", "not-an-address"));
	}

	@Test
	void totpCodeIsTheCodeThatVerifiesNowAndOnlyOnce() {
		this.server.addUser("ada", null);
		RawHttp.Response enabled = this.http.send("POST", "/v1/users/ada/totp", this.admin, "{\"enable\":true}");
		assertThat(enabled.status()).isEqualTo(200);
		String code = this.server.totpCode("ada");

		RawHttp.Response verified = this.http.get("/v1/users/ada/totp?payload=" + code, this.admin);
		RawHttp.Response replayed = this.http.get("/v1/users/ada/totp?payload=" + code, this.admin);

		assertThat(code).matches("[0-9]{6}");
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("userId").stringValue()).isEqualTo("ada");
		assertThat(replayed.status()).isEqualTo(401);
	}

	@Test
	void totpCodeOfAUserWithoutTotpOrOfNoUserIsRefused() {
		this.server.addUser("ada", null);

		assertThatIllegalStateException().isThrownBy(() -> this.server.totpCode("ada"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.totpCode("nobody"));
	}

	@Test
	void magicLinksAreTheLinksSentWhoseTokenRedeemsOnce() {
		this.server.addUser("ada", "ada@example.com");
		assertThat(this.http.send("POST", "/v1/users/ada/email", this.admin, null).status()).isEqualTo(204);

		String link = this.server.magicLinks("ada").get(0);
		String token = URI.create(link).getQuery().substring("token=".length());

		assertThat(link).startsWith("http://localhost/login/ott?token=");
		assertThat(this.http.get("/v1/users/email?payload=" + token, this.admin).status()).isEqualTo(200);
		assertThat(this.http.get("/v1/users/email?payload=" + token, this.admin).status()).isEqualTo(401);
		assertThat(this.server.magicLinks("nobody")).isEmpty();
	}

	@Test
	void tenantIsTheClientsTenantAndFollowsPatch() {
		Tenant before = this.server.tenant();

		RawHttp.Response patched = this.http.send("PATCH", "/v1/tenant", this.admin,
				"{\"callbackUrl\":\"https://app.example.com/login/ott?token={}\"}");

		assertThat(before.callbackUrl()).isEqualTo("http://localhost/login/ott?token={}");
		assertThat(before.activated()).isTrue();
		CompanyInfo info = before.companyInfo();
		assertThat(info).isNotNull();
		RawHttp.Response got = this.http.get("/v1/tenant", this.admin);
		assertThat(got.json().get("tenantId").stringValue()).isEqualTo(before.tenantId());
		assertThat(got.json().get("tenantName").stringValue()).isEqualTo(before.tenantName());
		assertThat(got.json().get("companyInfo").get("Name").stringValue()).isEqualTo(info.name());
		assertThat(got.json().get("companyInfo").get("OrgNumber").stringValue()).isEqualTo(info.orgNumber());
		assertThat(got.json().get("companyInfo").get("VATNumber").stringValue()).isEqualTo(info.vatNumber());
		assertThat(patched.status()).isEqualTo(200);
		assertThat(this.server.tenant().callbackUrl()).isEqualTo("https://app.example.com/login/ott?token={}");
	}

	@Test
	void resetClearsUsersTotpLinksAndTheTenantsChanges() {
		this.server.addUser("ada", "ada@example.com");
		this.http.send("POST", "/v1/users/ada/totp", this.admin, "{\"enable\":true}");
		this.http.send("POST", "/v1/users/ada/email", this.admin, null);
		this.http.send("PATCH", "/v1/tenant", this.admin, "{\"callbackUrl\":\"https://a.example/?t={}\"}");

		this.server.reset();

		assertThat(this.server.users()).isEmpty();
		assertThat(this.server.magicLinks("ada")).isEmpty();
		assertThat(this.server.tenant().callbackUrl()).isEqualTo("http://localhost/login/ott?token={}");
		this.server.addUser("ada", null);
		assertThatIllegalStateException().isThrownBy(() -> this.server.totpCode("ada"));
	}

	@Test
	void faultsMeetTheNewOperationsToo() {
		this.server.addUser("ada", null);
		this.http.send("POST", "/v1/users/ada/totp", this.admin, "{\"enable\":true}");
		String code = this.server.totpCode("ada");
		this.server.failNext(HttpMethod.GET, 1, FakeFault.status(429).retryAfter(Duration.ofSeconds(1)));
		this.server.failNext(HttpMethod.POST, 1, FakeFault.responseLost());

		RawHttp.Response limited = this.http.get("/v1/users/ada/totp?payload=" + code, this.admin);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.headers().get("Retry-After")).isEqualTo("1");
		assertThat(limited.json().get("errorType").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(this.http.get("/v1/users/ada/totp?payload=" + code, this.admin).status())
			.as("the code the fault kept from being applied")
			.isEqualTo(200);
		assertThat(this.http.exchange("POST", "/v1/users", this.admin, "{\"userId\":\"lost\"}")
			.map(RawHttp.Response::status)
			.onErrorReturn(-1)
			.block(Duration.ofSeconds(10))).isEqualTo(-1);
		assertThat(this.server.user("lost")).as("created before the answer was lost").isPresent();
	}

}
