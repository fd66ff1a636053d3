package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link UsersClient} on the wire: each method's request (method, path with the user id
 * encoded as one segment, body, headers) and what each status means; invalid arguments
 * are refused with nothing sent.
 */
class UsersClientWireTests {

	private static final String USER = "{\"userId\":\"u-1\",\"email\":\"u1@example.com\",\"extra\":1}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static UsersClient users() {
		return clients.add(TestClients.lagrello(api).build()).users();
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
	void createPostsTheUserAndReturnsTheCreatedOne() {
		answer(201, USER);

		User user = users().create(CreateUserRequest.of("u-1", "u1@example.com")).block(Duration.ofSeconds(10));

		assertThat(user).isEqualTo(new User("u-1", "u1@example.com"));
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/v1/users");
		assertBody(request, "{\"userId\":\"u-1\",\"email\":\"u1@example.com\"}");
	}

	@Test
	void createWithoutAnEmailSendsNoEmailField() {
		answer(201, "{\"userId\":\"u-1\"}");

		User user = users().create(CreateUserRequest.of("u-1", null)).block(Duration.ofSeconds(10));

		assertThat(user).isEqualTo(new User("u-1", null));
		assertBody(theOneRequest(), "{\"userId\":\"u-1\"}");
	}

	@Test
	void getFetchesTheUser() {
		answer(200, USER);

		User user = users().get("u-1").block(Duration.ofSeconds(10));

		assertThat(user).isEqualTo(new User("u-1", "u1@example.com"));
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1");
	}

	@Test
	void updatePatchesTheEmail() {
		answer(200, "{\"userId\":\"u-1\",\"email\":\"new@example.com\"}");

		User user = users().update("u-1", UpdateUserRequest.of("new@example.com")).block(Duration.ofSeconds(10));

		assertThat(user.email()).isEqualTo("new@example.com");
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PATCH");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1");
		assertBody(request, "{\"email\":\"new@example.com\"}");
	}

	@Test
	void deleteCompletesOn204() {
		answer(204, null);

		users().delete("u-1").block(Duration.ofSeconds(10));

		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl()).isEqualTo("/v1/users/u-1");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "a/b|a%2Fb", "a?b|a%3Fb", "a#b|a%23b", "100%|100%25", "a b|a%20b",
			"..|%2E%2E", ".|%2E", "a+b&c=d|a%2Bb%26c%3Dd", "é|%C3%A9", "...|..." })
	void aUserIdIsSentAsOneEncodedPathSegment(String userId, String segment) {
		answer(200, USER);

		users().get(userId).block(Duration.ofSeconds(10));

		assertThat(theOneRequest().getUrl()).isEqualTo("/v1/users/" + segment);
	}

	@Test
	void anUnknownUserIsALagrelloApiExceptionOf404() {
		answer(404, "{\"errorType\":\"NOT_FOUND\",\"message\":\"no such user\"}");

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> users().get("u-1").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(404);
		assertThat(failure.errorType()).isEqualTo("NOT_FOUND");
		theOneRequest();
	}

	@Test
	void aRefusedAccessTokenIsALagrelloApiExceptionOf403() {
		answer(403, ApiExamples.FORBIDDEN);

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> users().delete("u-1").block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(403);
		theOneRequest();
	}

	@Test
	void invalidArgumentsAreRefusedWithNothingSent() {
		UsersClient users = users();
		String tooLong = "u".repeat(Arguments.MAX_USER_ID_LENGTH + 1);

		assertRefused(users.get(null), "userId");
		assertRefused(users.get(" "), "userId");
		assertRefused(users.get(tooLong), "userId");
		assertRefused(users.delete(""), "userId");
		assertRefused(users.update(" ", UpdateUserRequest.of("a@example.com")), "userId");
		assertRefused(users.update("u-1", null), "request");
		assertRefused(users.create(null), "request");

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void aUserIdWithALoneSurrogateIsRefusedWithNothingSent() {
		UsersClient users = users();

		// UTF-8 cannot carry half a pair: it would be sent as "?", naming another user
		assertRefused(users.get("u-\uD83D"), "userId");
		assertRefused(users.delete("\uDE00u-1"), "userId");

		assertThat(api.getAllServeEvents()).isEmpty();
	}

	@Test
	void aUserIdOf128CharactersIsSent() {
		answer(200, USER);
		String longest = "u".repeat(Arguments.MAX_USER_ID_LENGTH);

		users().get(longest).block(Duration.ofSeconds(10));

		assertThat(theOneRequest().getUrl()).isEqualTo("/v1/users/" + longest);
	}

	@Test
	void aUserIdOf128EmojiIsSentAndOneMoreIsRefused() {
		answer(200, USER);
		// the API counts code points (JSON Schema's length), not UTF-16 units: each is
		// one
		String longest = "\uD83D\uDE00".repeat(Arguments.MAX_USER_ID_LENGTH);

		users().get(longest).block(Duration.ofSeconds(10));
		assertRefused(users().get(longest + "u"), "userId");

		assertThat(theOneRequest().getUrl()).isEqualTo("/v1/users/" + "%F0%9F%98%80".repeat(128));
	}

	private static void assertRefused(Mono<?> call, String argument) {
		LagrelloInvalidArgumentException refused = catchThrowableOfType(LagrelloInvalidArgumentException.class,
				() -> call.block(Duration.ofSeconds(10)));
		assertThat(refused.argument()).isEqualTo(argument);
	}

}
