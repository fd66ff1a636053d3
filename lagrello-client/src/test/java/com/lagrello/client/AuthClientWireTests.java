package com.lagrello.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link AuthClient} on the wire: each method's request (method, path with the user id
 * encoded as one segment, the code or token as the one query value {@code payload}, body,
 * headers) and what each status means, a {@code 401} to a check being a wrong code or
 * token; invalid arguments are refused with nothing sent.
 */
class AuthClientWireTests {

	private static final String USER = "{\"userId\":\"u-1\",\"email\":\"u1@example.com\"}";

	private static final String ENROLLMENT = "{\"secretKey\":\"JBSWY3DPEHPK3PXP\","
			+ "\"qrImage\":\"https://api.lagrello.com/v1/images/totp?secret=JBSWY3DPEHPK3PXP\"}";

	private static final String UNAUTHORIZED = "{\"errorType\":\"UNAUTHORIZED\",\"message\":\"wrong code\"}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static AuthClient auth() {
		return clients.add(TestClients.lagrello(api).build()).auth();
	}

	private static void answer(int status, String json) {
		api.stubFor(any(anyUrl()).willReturn((json != null)
				? aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)
				: aResponse().withStatus(status)));
	}

	private static LoggedRequest theOneRequest() {
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.ACCESS_TOKEN);
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		return request;
	}

	private static void assertBody(LoggedRequest request, String json) {
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(equalToJson(json).match(request.getBodyAsString()).isExactMatch())
			.as("body %s is exactly %s", request.getBodyAsString(), json)
			.isTrue();
	}

	@Test
	void enableTotpPostsEnableTrueAndReturnsTheEnrollment() {
		answer(200, ENROLLMENT);

		TotpEnrollment enrollment = auth().enableTotp("u/1").block(Duration.ofSeconds(10));

		assertThat(enrollment.secretKey()).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(enrollment.qrImage())
			.isEqualTo(URI.create("https://api.lagrello.com/v1/images/totp?secret=JBSWY3DPEHPK3PXP"));
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u%2F1/totp");
		assertBody(request, "{\"enable\":true}");
	}

	@Test
	void disableTotpPostsEnableFalseAndCompletesOn204() {
		answer(204, null);

		StepVerifier.create(auth().disableTotp("u-1")).verifyComplete();

		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1/totp");
		assertBody(request, "{\"enable\":false}");
	}

	@Test
	void verifyTotpSendsTheCodeAsPayloadAndReturnsTheUser() {
		answer(200, USER);

		User user = auth().verifyTotp("u-1", "123456").block(Duration.ofSeconds(10));

		assertThat(user).isEqualTo(new User("u-1", "u1@example.com"));
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1/totp?payload=123456");
		assertThat(request.getBodyAsString()).isEmpty();
	}

	@Test
	void aCodeAndAUserIdAreEncodedStrictlyEachAsOneValue() {
		answer(200, USER);

		auth().verifyTotp("a/b?c#d", "1+2&3=4#5 %").block(Duration.ofSeconds(10));

		assertThat(theOneRequest().getUrl()).isEqualTo("/v1/users/a%2Fb%3Fc%23d/totp?payload=1%2B2%263%3D4%235%20%25");
	}

	@Test
	void aWrongCodeCompletesEmpty() {
		answer(401, UNAUTHORIZED);

		StepVerifier.create(auth().verifyTotp("u-1", "000000")).verifyComplete();

		theOneRequest();
	}

	@Test
	void anUnknownUserOfAVerifyIsALagrelloApiExceptionOf404() {
		answer(404, "{\"errorType\":\"NOT_FOUND\",\"message\":\"no such user\"}");

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> auth().verifyTotp("u-1", "123456").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(404);
		theOneRequest();
	}

	@Test
	void aRefusedAccessTokenOfAVerifyIsALagrelloApiExceptionOf403NotAWrongCode() {
		answer(403, ApiExamples.FORBIDDEN);

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> auth().verifyTotp("u-1", "123456").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(403);
		theOneRequest();
	}

	@Test
	void sendMagicLinkPostsWithoutABodyAndCompletesOn204() {
		answer(204, null);

		StepVerifier.create(auth().sendMagicLink("u 1")).verifyComplete();

		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u%201/email");
		assertThat(request.getBodyAsString()).isEmpty();
	}

	@Test
	void anUnknownUserOfSendMagicLinkIsALagrelloApiExceptionOf404() {
		answer(404, "{\"errorType\":\"NOT_FOUND\",\"message\":\"no such user\"}");

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> auth().sendMagicLink("u-1").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(404);
		theOneRequest();
	}

	@Test
	void redeemMagicLinkSendsTheTokenAsPayloadAndReturnsTheUser() {
		answer(200, USER);

		User user = auth().redeemMagicLink("tok+en/&=#x").block(Duration.ofSeconds(10));

		assertThat(user.userId()).isEqualTo("u-1");
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/users/email?payload=tok%2Ben%2F%26%3D%23x");
	}

	@Test
	void aWrongOrUsedMagicLinkTokenCompletesEmpty() {
		answer(401, UNAUTHORIZED);

		StepVerifier.create(auth().redeemMagicLink("used-token")).verifyComplete();

		theOneRequest();
	}

	@Test
	void anUnknownUserOfARedeemIsALagrelloApiExceptionOf404() {
		answer(404, "{\"errorType\":\"NOT_FOUND\",\"message\":\"no such user\"}");

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> auth().redeemMagicLink("token").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(404);
	}

	@Test
	void invalidArgumentsAreRefusedWithNothingSent() {
		AuthClient auth = auth();
		String tooLong = "u".repeat(Arguments.MAX_USER_ID_LENGTH + 1);

		assertRefused(auth.enableTotp(" "), "userId");
		assertRefused(auth.disableTotp(tooLong), "userId");
		assertRefused(auth.verifyTotp(null, "123456"), "userId");
		assertRefused(auth.verifyTotp("u-1", null), "code");
		assertRefused(auth.verifyTotp("u-1", " "), "code");
		assertRefused(auth.sendMagicLink(""), "userId");
		assertRefused(auth.redeemMagicLink(null), "token");
		assertRefused(auth.redeemMagicLink("\t"), "token");

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	private static void assertRefused(Mono<?> call, String argument) {
		LagrelloInvalidArgumentException refused = catchThrowableOfType(LagrelloInvalidArgumentException.class,
				() -> call.block(Duration.ofSeconds(10)));
		assertThat(refused.argument()).isEqualTo(argument);
	}

}
