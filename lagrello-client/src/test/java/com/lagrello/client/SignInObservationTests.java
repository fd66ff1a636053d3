package com.lagrello.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/**
 * The observations of the users, sign-in and tenant operations: one
 * {@code lagrello.client.operations} per call under the API's operation id, a wrong code
 * or token observed as {@code REJECTED}, and {@code http.client.requests} tagged with the
 * path template only: no raw user id, no query, no code or token.
 */
class SignInObservationTests {

	private static final String USER_ID = "user-id-4711";

	private static final String CODE = "918273";

	private static final String WRONG_CODE = "000000";

	private static final String TOKEN = "magic-link-token-abcdef012345";

	private static final String WRONG_TOKEN = "magic-link-token-wrong-999999";

	private static final String USER = "{\"userId\":\"" + USER_ID + "\",\"email\":\"u@example.com\"}";

	private static final String TENANT = "{\"tenantId\":\"t-1\",\"tenantName\":\"Acme\","
			+ "\"callbackUrl\":\"https://app.example.com/?t={}\",\"activated\":true}";

	private static final String UNAUTHORIZED = "{\"errorType\":\"UNAUTHORIZED\",\"message\":\"no\"}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private LagrelloClient lagrello;

	@BeforeEach
	void observedClient() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		this.lagrello = clients.add(TestClients.lagrello(api)
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.clientConnector(new ReactorClientHttpConnector())
			.observationRegistry(registry)
			.build());
		String user = "/v1/users/" + USER_ID;
		api.stubFor(post(urlEqualTo("/v1/users")).willReturn(okJson(USER).withStatus(201)));
		api.stubFor(get(urlEqualTo(user)).willReturn(okJson(USER)));
		api.stubFor(patch(urlEqualTo(user)).willReturn(okJson(USER)));
		api.stubFor(delete(urlEqualTo(user)).willReturn(aResponse().withStatus(204)));
		api.stubFor(post(urlEqualTo(user + "/totp")).withRequestBody(equalToJson("{\"enable\":true}"))
			.willReturn(okJson("{\"secretKey\":\"JBSWY3DPEHPK3PXP\",\"qrImage\":\"https://q.example.com/x\"}")));
		api.stubFor(post(urlEqualTo(user + "/totp")).withRequestBody(equalToJson("{\"enable\":false}"))
			.willReturn(aResponse().withStatus(204)));
		api.stubFor(
				get(urlPathEqualTo(user + "/totp")).withQueryParam("payload", equalTo(CODE)).willReturn(okJson(USER)));
		api.stubFor(get(urlPathEqualTo(user + "/totp")).withQueryParam("payload", equalTo(WRONG_CODE))
			.willReturn(okJson(UNAUTHORIZED).withStatus(401)));
		api.stubFor(post(urlEqualTo(user + "/email")).willReturn(aResponse().withStatus(204)));
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).withQueryParam("payload", equalTo(TOKEN))
			.willReturn(okJson(USER)));
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).withQueryParam("payload", equalTo(WRONG_TOKEN))
			.willReturn(okJson(UNAUTHORIZED).withStatus(401)));
		api.stubFor(get(urlEqualTo("/v1/tenant")).willReturn(okJson(TENANT)));
		api.stubFor(patch(urlEqualTo("/v1/tenant")).willReturn(okJson(TENANT)));
	}

	/** Every operation once, its id with the call. */
	private Map<String, Mono<?>> everyOperation() {
		Map<String, Mono<?>> calls = new LinkedHashMap<>();
		calls.put("users/create", this.lagrello.users().create(CreateUserRequest.of(USER_ID, "u@example.com")));
		calls.put("users/get", this.lagrello.users().get(USER_ID));
		calls.put("users/update", this.lagrello.users().update(USER_ID, UpdateUserRequest.of("u@example.com")));
		calls.put("users/delete", this.lagrello.users().delete(USER_ID));
		calls.put("users/totp/toggle", this.lagrello.auth().enableTotp(USER_ID));
		calls.put("users/totp/auth", this.lagrello.auth().verifyTotp(USER_ID, CODE));
		calls.put("users/email/send", this.lagrello.auth().sendMagicLink(USER_ID));
		calls.put("users/email/auth", this.lagrello.auth().redeemMagicLink(TOKEN));
		calls.put("tenants/get", this.lagrello.tenant().get());
		calls.put("tenant/update",
				this.lagrello.tenant().update(UpdateTenantRequest.of("https://app.example.com/?t={}")));
		return calls;
	}

	private List<Timer> timers(String name) {
		return this.meters.find(name).timers().stream().toList();
	}

	@Test
	void eachOperationIsObservedUnderItsApiOperationIdWithTheOutcomeSuccess() {
		Map<String, Mono<?>> calls = everyOperation();
		calls.values().forEach((call) -> call.block(Duration.ofSeconds(10)));

		Set<String> observed = timers("lagrello.client.operations").stream()
			.peek((timer) -> assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS"))
			.peek((timer) -> assertThat(timer.count()).isOne())
			.map((timer) -> timer.getId().getTag("operation"))
			.collect(Collectors.toSet());
		assertThat(observed).containsExactlyInAnyOrderElementsOf(calls.keySet());
	}

	@Test
	void aWrongCodeOrMagicLinkTokenIsObservedAsRejected() {
		this.lagrello.auth().verifyTotp(USER_ID, WRONG_CODE).block(Duration.ofSeconds(10));
		this.lagrello.auth().redeemMagicLink(WRONG_TOKEN).block(Duration.ofSeconds(10));

		assertThat(timers("lagrello.client.operations")).hasSize(2)
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("outcome")).isEqualTo("REJECTED"))
			.extracting((timer) -> timer.getId().getTag("operation"))
			.containsExactlyInAnyOrder("users/totp/auth", "users/email/auth");
	}

	@Test
	void aVerifyOfAnUnknownUserIsObservedAsItsException() {
		api.stubFor(get(urlPathEqualTo("/v1/users/nobody/totp"))
			.willReturn(okJson("{\"errorType\":\"NOT_FOUND\",\"message\":\"no\"}").withStatus(404)));

		this.lagrello.auth().verifyTotp("nobody", CODE).onErrorComplete().block(Duration.ofSeconds(10));

		assertThat(timers("lagrello.client.operations")).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("outcome")).isEqualTo("LagrelloApiException"));
	}

	@Test
	void httpRequestsAreTaggedWithPathTemplatesOnlyWithoutIdQueryOrSecret() {
		everyOperation().values().forEach((call) -> call.block(Duration.ofSeconds(10)));
		this.lagrello.auth().disableTotp(USER_ID).block(Duration.ofSeconds(10));
		this.lagrello.auth().verifyTotp(USER_ID, WRONG_CODE).block(Duration.ofSeconds(10));
		this.lagrello.auth().redeemMagicLink(WRONG_TOKEN).block(Duration.ofSeconds(10));

		List<Timer> requests = timers("http.client.requests");
		assertThat(requests).extracting((timer) -> timer.getId().getTag("uri"))
			.containsOnly("/v1/users", "/v1/users/{userId}", "/v1/users/{userId}/totp", "/v1/users/{userId}/email",
					"/v1/users/email", "/v1/tenant")
			.contains("/v1/users", "/v1/users/{userId}", "/v1/users/{userId}/totp", "/v1/users/{userId}/email",
					"/v1/users/email", "/v1/tenant");
		for (Meter meter : this.meters.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).as(meter.getId().toString())
					.doesNotContain(USER_ID)
					.doesNotContain(CODE)
					.doesNotContain(WRONG_CODE)
					.doesNotContain(TOKEN)
					.doesNotContain(WRONG_TOKEN)
					.doesNotContain("payload")
					.doesNotContain("JBSWY3DPEHPK3PXP");
			}
		}
	}

}
