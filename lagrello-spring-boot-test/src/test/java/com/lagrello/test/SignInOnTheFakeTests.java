package com.lagrello.test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.Tenant;
import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.UpdateTenantRequest;
import com.lagrello.client.UpdateUserRequest;
import com.lagrello.client.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The users, sign-in and tenant clients against the {@link FakeLagrelloServer}: every
 * operation with the fake's state behind it, and {@link FakeFault}s on the new
 * operations, where the fake shows what a lost answer did.
 */
class SignInOnTheFakeTests {

	private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5),
			Duration.ofSeconds(60));

	private FakeLagrelloServer server;

	private LagrelloClient lagrello;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().start();
		this.lagrello = LagrelloClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(this.server.adminToken())
			.retryPolicy(FAST_RETRIES)
			.build();
	}

	@AfterEach
	void stop() {
		this.lagrello.close();
		this.server.close();
	}

	@Test
	void signUpEnrolTotpAndVerifyACodeThroughTheBlockingClients() {
		BlockingUsersClient users = this.lagrello.users().blocking();
		BlockingAuthClient auth = this.lagrello.auth().blocking();

		User ada = users.create(CreateUserRequest.of("ada", "ada@example.com"));
		TotpEnrollment enrollment = auth.enableTotp("ada");
		String code = this.server.totpCode("ada");

		assertThat(ada).isEqualTo(new User("ada", "ada@example.com"));
		assertThat(enrollment.secretKey()).matches("[A-Z2-7]{32}");
		assertThat(enrollment.qrImage().toString()).doesNotContain(enrollment.secretKey());
		assertThat(auth.verifyTotp("ada", code)).hasValue(ada);
		assertThat(auth.verifyTotp("ada", code)).as("a code is good once").isEmpty();
		auth.disableTotp("ada");
		assertThat(auth.verifyTotp("ada", "123456")).isEmpty();
	}

	@Test
	void getUpdateAndDeleteAUserAndAnUnknownUserIsA404() {
		BlockingUsersClient users = this.lagrello.users().blocking();
		this.server.addUser("ada", null);

		assertThat(users.get("ada")).isEqualTo(new User("ada", null));
		assertThat(users.update("ada", UpdateUserRequest.of("ada@example.com")))
			.isEqualTo(new User("ada", "ada@example.com"));
		users.delete("ada");

		assertThat(this.server.users()).isEmpty();
		assertThatExceptionOfType(LagrelloApiException.class).isThrownBy(() -> users.get("ada"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
	}

	@Test
	void aMagicLinkSignsItsUserInOnce() {
		BlockingAuthClient auth = this.lagrello.auth().blocking();
		BlockingTenantClient tenant = this.lagrello.tenant().blocking();
		this.server.addUser("ada", "ada@example.com");

		Tenant updated = tenant.update(UpdateTenantRequest.of("https://app.example.com/login/ott?token={}"));
		auth.sendMagicLink("ada");
		String link = this.server.magicLinks("ada").get(0);
		String token = URI.create(link).getQuery().substring("token=".length());

		assertThat(updated.callbackUrl()).isEqualTo("https://app.example.com/login/ott?token={}");
		assertThat(tenant.get()).isEqualTo(this.server.tenant()).isEqualTo(updated);
		assertThat(link).startsWith("https://app.example.com/login/ott?token=");
		assertThat(auth.redeemMagicLink(token)).hasValue(new User("ada", "ada@example.com"));
		assertThat(auth.redeemMagicLink(token)).isEmpty();
	}

	@Test
	void aVerifyAnswered429IsRetriedAndTheCodeThenVerifies() {
		this.server.addUser("ada", null);
		this.lagrello.auth().blocking().enableTotp("ada");
		String code = this.server.totpCode("ada");
		this.server.failNext(HttpMethod.GET, 1, FakeFault.status(429).retryAfter(Duration.ZERO));

		Optional<User> verified = this.lagrello.auth().blocking().verifyTotp("ada", code);

		assertThat(verified).hasValue(new User("ada", null));
		assertThat(this.server.requests()).filteredOn((request) -> request.method().equals("GET")).hasSize(2);
	}

	@Test
	void aVerifyWhoseAnswerIsLostFailsRatherThanSayTheUsedCodeIsWrong() {
		this.server.addUser("ada", null);
		this.lagrello.auth().blocking().enableTotp("ada");
		String code = this.server.totpCode("ada");
		this.server.failNext(HttpMethod.GET, 1, FakeFault.responseLost());

		StepVerifier.create(this.lagrello.auth().verifyTotp("ada", code))
			.expectError(LagrelloException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requests()).filteredOn((request) -> request.method().equals("GET")).hasSize(1);
		// the fake applied it: the code is used, a retry would have been refused as wrong
		assertThat(this.lagrello.auth().blocking().verifyTotp("ada", code)).isEmpty();
	}

	@Test
	void aCreateOrSendMagicLinkWhoseAnswerIsLostIsSentOnceAndWasApplied() {
		this.server.addUser("ada", "ada@example.com");
		this.server.failNext(HttpMethod.POST, 2, FakeFault.responseLost());

		StepVerifier.create(this.lagrello.users().create(CreateUserRequest.of("bob", null)))
			.expectError(LagrelloException.class)
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(this.lagrello.auth().sendMagicLink("ada"))
			.expectError(LagrelloException.class)
			.verify(Duration.ofSeconds(10));

		assertThat(this.server.requests()).hasSize(2);
		assertThat(this.server.user("bob")).isPresent();
		assertThat(this.server.magicLinks("ada")).as("one e-mail, not two").hasSize(1);
	}

	@Test
	void aDeleteWhoseAnswerIsLostCompletesOnTheRetrys404() {
		this.server.addUser("ada", null);
		this.server.failNext(HttpMethod.DELETE, 1, FakeFault.responseLost());

		StepVerifier.create(this.lagrello.users().delete("ada")).verifyComplete();

		assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("DELETE", "DELETE");
		assertThat(this.server.users()).isEmpty();
	}

}
