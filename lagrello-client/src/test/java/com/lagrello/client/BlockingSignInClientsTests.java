package com.lagrello.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The blocking twins of the users, sign-in and tenant clients: the values themselves, an
 * {@code Optional} for a check ({@code empty} for a wrong code or token), the call
 * timeout, refusal on a non-blocking thread naming the reactive client to use there, and
 * interrupts.
 */
class BlockingSignInClientsTests {

	private static final String USER = "{\"userId\":\"u-1\",\"email\":\"u1@example.com\"}";

	private static final String TENANT = "{\"tenantId\":\"t-1\",\"tenantName\":\"Acme\","
			+ "\"callbackUrl\":\"https://app.example.com/?t={}\",\"activated\":true}";

	private static final String UNAUTHORIZED = "{\"errorType\":\"UNAUTHORIZED\",\"message\":\"no\"}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final LagrelloClient lagrello = TestClients.lagrello(api).callTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void close() {
		this.lagrello.close();
		// never leave the test runner's thread interrupted
		Thread.interrupted();
	}

	@Test
	void theBlockingUsersClientReturnsTheValues() {
		api.stubFor(post(urlEqualTo("/v1/users")).willReturn(okJson(USER).withStatus(201)));
		api.stubFor(get(urlEqualTo("/v1/users/u-1")).willReturn(okJson(USER)));
		api.stubFor(patch(urlEqualTo("/v1/users/u-1")).willReturn(okJson(USER)));
		api.stubFor(delete(urlEqualTo("/v1/users/u-1")).willReturn(aResponse().withStatus(204)));
		BlockingUsersClient users = this.lagrello.users().blocking();
		User expected = new User("u-1", "u1@example.com");

		assertThat(users.create(CreateUserRequest.of("u-1", "u1@example.com"))).isEqualTo(expected);
		assertThat(users.get("u-1")).isEqualTo(expected);
		assertThat(users.update("u-1", UpdateUserRequest.of("u1@example.com"))).isEqualTo(expected);
		users.delete("u-1");
		api.verify(4, anyRequestedFor(anyUrl()));
	}

	@Test
	void theBlockingAuthClientReturnsAnOptionalForEachCheck() {
		api.stubFor(post(urlEqualTo("/v1/users/u-1/totp")).withRequestBody(equalToJson("{\"enable\":true}"))
			.willReturn(okJson("{\"secretKey\":\"JBSWY3DPEHPK3PXP\",\"qrImage\":\"https://q.example.com/x\"}")));
		api.stubFor(post(urlEqualTo("/v1/users/u-1/totp")).withRequestBody(equalToJson("{\"enable\":false}"))
			.willReturn(aResponse().withStatus(204)));
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).withQueryParam("payload", equalTo("123456"))
			.willReturn(okJson(USER)));
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).withQueryParam("payload", equalTo("000000"))
			.willReturn(okJson(UNAUTHORIZED).withStatus(401)));
		api.stubFor(post(urlEqualTo("/v1/users/u-1/email")).willReturn(aResponse().withStatus(204)));
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).withQueryParam("payload", equalTo("good-token"))
			.willReturn(okJson(USER)));
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).withQueryParam("payload", equalTo("used-token"))
			.willReturn(okJson(UNAUTHORIZED).withStatus(401)));
		BlockingAuthClient auth = this.lagrello.auth().blocking();
		User expected = new User("u-1", "u1@example.com");

		assertThat(auth.enableTotp("u-1").secretKey()).isEqualTo("JBSWY3DPEHPK3PXP");
		auth.disableTotp("u-1");
		assertThat(auth.verifyTotp("u-1", "123456")).contains(expected);
		assertThat(auth.verifyTotp("u-1", "000000")).isEqualTo(Optional.empty());
		auth.sendMagicLink("u-1");
		assertThat(auth.redeemMagicLink("good-token")).contains(expected);
		assertThat(auth.redeemMagicLink("used-token")).isEqualTo(Optional.empty());
	}

	@Test
	void theBlockingTenantClientReturnsTheTenant() {
		api.stubFor(get(urlEqualTo("/v1/tenant")).willReturn(okJson(TENANT)));
		api.stubFor(patch(urlEqualTo("/v1/tenant")).willReturn(okJson(TENANT)));
		BlockingTenantClient tenant = this.lagrello.tenant().blocking();

		assertThat(tenant.get().tenantId()).isEqualTo("t-1");
		assertThat(tenant.update(UpdateTenantRequest.of("https://app.example.com/?t={}")).tenantName())
			.isEqualTo("Acme");
	}

	@Test
	void aBlockingCallOnANonBlockingThreadIsRefusedNamingTheReactiveClientAndSendsNothing() {
		assertRefusedOnNonBlockingThread(() -> this.lagrello.users().blocking().get("u-1"), "users/get",
				"BlockingUsersClient", "use UsersClient there");
		assertRefusedOnNonBlockingThread(() -> this.lagrello.auth().blocking().verifyTotp("u-1", "123456"),
				"users/totp/auth", "BlockingAuthClient", "use AuthClient there");
		assertRefusedOnNonBlockingThread(() -> this.lagrello.tenant().blocking().get(), "tenants/get",
				"BlockingTenantClient", "use TenantClient there");
		api.verify(0, anyRequestedFor(anyUrl()));
	}

	private static void assertRefusedOnNonBlockingThread(Runnable call, String... inMessage) {
		Throwable thrown = catchThrowable(
				() -> Mono.fromRunnable(call).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(10)));
		assertThat(thrown).isInstanceOf(LagrelloException.class).hasMessageContainingAll(inMessage);
	}

	@Test
	void aBlockingVerifyOnASlowServerEndsWithTheCallTimeout() {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).willReturn(okJson(USER).withFixedDelay(10_000)));

		Throwable thrown = catchThrowable(() -> this.lagrello.auth().blocking().verifyTotp("u-1", "123456"));

		assertThat(thrown).isInstanceOf(LagrelloTimeoutException.class).hasMessageContaining("users/totp/auth");
	}

	@Test
	void aBlockingVerifyWaitingOnASlowServerIsCancelledByAnInterrupt() throws Exception {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).willReturn(okJson(USER).withFixedDelay(5_000)));
		BlockingAuthClient auth = this.lagrello.auth().blocking();

		Outcome outcome = interruptWhileWaiting((ignored) -> auth.verifyTotp("u-1", "123456"));

		assertThat(outcome.interruptFlag()).as("interrupt flag").isTrue();
		assertThat(outcome.thrown()).isInstanceOf(LagrelloException.class)
			.hasMessageContaining("users/totp/auth")
			.hasMessageContaining("interrupted")
			.cause()
			.isInstanceOf(InterruptedException.class);
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(api.getAllServeEvents()).hasSizeLessThanOrEqualTo(1));
	}

	/**
	 * Runs the call on a thread of its own and interrupts it once it waits.
	 */
	private static Outcome interruptWhileWaiting(Consumer<Void> call) throws Exception {
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			Throwable thrown = catchThrowable(() -> call.accept(null));
			outcome.complete(new Outcome(thrown, Thread.currentThread().isInterrupted()));
		}, "blocking-caller");
		caller.start();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TIMED_WAITING);
		caller.interrupt();
		return outcome.get(10, TimeUnit.SECONDS);
	}

	private record Outcome(Throwable thrown, boolean interruptFlag) {
	}

}
