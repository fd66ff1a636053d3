package com.lagrello.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.lagrello.client.AuthClient;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.client.UpdateTenantRequest;
import com.lagrello.client.UpdateUserRequest;
import com.lagrello.client.UsersClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the clients send and every answer the fake gives, over runs that cover
 * every operation, paging to the end and each error the fake can give, conforms to the
 * published OpenAPI file ({@code src/test/resources/lagrello-openapi.yaml}, a copy of the
 * API's). The slips of the file itself are the only exceptions, each named below.
 */
class SpecConformanceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForInlineApiSpecification(publishedApiWithItsSlipsMended())
		.build();

	/**
	 * What the published file gets wrong about the API, and nothing else: each entry says
	 * why a validation message is not a fault of the client or of the fake.
	 */
	private static final List<Slip> SLIPS = List.of(
			new Slip(
					"the file lists only some error statuses of each operation (none of tokens' list and create); the"
							+ " API also answers 400, 401, 403, 404 and 405 with its Error body wherever they apply",
					(exchange, message) -> message.getKey().equals("validation.response.status.unknown")
							&& exchange.answer().status() >= 400 && exchange.answer().body().contains("\"errorType\"")),
			new Slip(
					"Paging declares next and previous required, yet the first page has no previous and the last no"
							+ " next: the API sends null there",
					(exchange, message) -> message.getKey().equals("validation.response.body.schema.type")
							&& message.getMessage()
								.matches("\\[Path '/paging/(next|previous)'\\] Instance type \\(null\\).*")),
			new Slip(
					"callbackUrl is declared format: uri, yet it must hold {} where the magic-link token goes (the"
							+ " file's own example is https://example.com/users/{}), and braces are not URI characters",
					(exchange, message) -> message.getKey().endsWith(".body.schema.format.uri")
							&& message.getMessage().startsWith("[Path '/callbackUrl'] ")
							&& isUriOnceTheTokenIsIn(exchange, message)),
			new Slip("requests sent on purpose outside the API, to see the fake's 400 and 405 answers", (exchange,
					message) -> exchange.deliberatelyInvalid() && message.getKey().startsWith("validation.request.")));

	/**
	 * The published file, with the two slips that stop any OpenAPI parser from loading it
	 * mended, and nothing else: the DELETE path says {@code {id}} where its parameter is
	 * {@code tokenId}, and {@code tenants/create} is the operation id of two operations
	 * (the second, {@code DELETE /v1/tenant}, is not one this starter calls).
	 */
	private static String publishedApiWithItsSlipsMended() {
		try (InputStream in = SpecConformanceTests.class.getResourceAsStream("/lagrello-openapi.yaml")) {
			String published = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String mended = published.replace("  /v1/tokens/{id}:", "  /v1/tokens/{tokenId}:");
			int second = mended.indexOf("operationId: tenants/create",
					mended.indexOf("operationId: tenants/create") + 1);
			mended = mended.substring(0, second) + "operationId: tenants/delete" + mended.substring(second + 27);
			assertThat(mended).as("both slips found").isNotEqualTo(published);
			return mended;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private final List<Seen> answers = new CopyOnWriteArrayList<>();

	@Test
	void everyRequestAndAnswerOfAScriptedRunConformsToThePublishedApi() {
		try (FakeLagrelloServer server = FakeLagrelloServer.builder().seedTokens(12).start()) {
			TokensClient client = client(server, server.adminToken());
			Token created = client.create(CreateTokenRequest.of("ci", Permission.READ, Permission.WRITE))
				.block(Duration.ofSeconds(5));
			client.listPage(0, 5).block(Duration.ofSeconds(5));
			client.listAll(5).collectList().block(Duration.ofSeconds(5));
			client.delete(created.tokenKey()).block(Duration.ofSeconds(5));
			expectError(client.delete("no-such-token"));
			Token reader = server.addToken("reader");
			expectError(client(server, reader.tokenKey()).create(CreateTokenRequest.of("denied")));
			expectError(client(server, "not-a-token-of-this-tenant").listPage(0, 1));
			List<RecordedRequest> sent = new ArrayList<>(server.requests());
			assertThat(sent).hasSameSizeAs(this.answers);
			int clientExchanges = sent.size();

			RawHttp raw = new RawHttp(server.baseUrl());
			String admin = RawHttp.bearer(server.adminToken());
			for (String[] exchange : new String[][] { { "GET", "/v1/tokens?size=21", null },
					{ "POST", "/v1/tokens", "{\"tokenName\":\"\"}" }, { "GET", "/v1/tokens?page=-1", null },
					{ "PUT", "/v1/tokens", "{}" } }) {
				server.clearRequests();
				RawHttp.Response response = raw.send(exchange[0], exchange[1], admin, exchange[2]);
				sent.add(server.requests().get(0));
				this.answers.add(new Seen(response.status(), response.headers().get("Content-Type"), response.body()));
			}
			server.clearRequests();
			RawHttp.Response unauthorized = raw.send("GET", "/v1/tokens", null, null);
			sent.add(server.requests().get(0));
			this.answers
				.add(new Seen(unauthorized.status(), unauthorized.headers().get("Content-Type"), unauthorized.body()));

			List<Exchange> exchanges = new ArrayList<>();
			for (int i = 0; i < sent.size(); i++) {
				exchanges.add(new Exchange(sent.get(i), this.answers.get(i), i >= clientExchanges));
			}
			assertThat(problems(exchanges)).isEmpty();
			assertThat(this.answers).extracting(Seen::status).contains(200, 204, 400, 401, 403, 404, 405);
		}
	}

	@Test
	void everyAnswerOfTheFakesUsersAuthAndTenantOperationsConformsToThePublishedApi() {
		try (FakeLagrelloServer server = FakeLagrelloServer.builder().start()) {
			RawHttp raw = new RawHttp(server.baseUrl());
			String admin = RawHttp.bearer(server.adminToken());
			List<Exchange> exchanges = new ArrayList<>();
			Sender valid = (method, target, authorization, body) -> exchanges
				.add(exchange(server, raw, method, target, authorization, body, false));
			Sender invalid = (method, target, authorization, body) -> exchanges
				.add(exchange(server, raw, method, target, authorization, body, true));

			valid.send("POST", "/v1/users", admin, "{\"userId\":\"ada\",\"email\":\"ada@example.com\"}");
			valid.send("POST", "/v1/users", admin, "{\"userId\":\"bob\"}");
			valid.send("POST", "/v1/users", admin, "{\"userId\":\"ada\"}");
			valid.send("GET", "/v1/users/ada", admin, null);
			valid.send("GET", "/v1/users/bob", admin, null);
			valid.send("GET", "/v1/users/nobody", admin, null);
			valid.send("PATCH", "/v1/users/ada", admin, "{\"email\":\"ada@lovelace.example\"}");
			valid.send("PATCH", "/v1/users/nobody", admin, "{\"email\":\"nobody@example.com\"}");
			valid.send("POST", "/v1/users/ada/totp", admin, "{\"enable\":true}");
			valid.send("POST", "/v1/users/nobody/totp", admin, "{\"enable\":true}");
			String code = server.totpCode("ada");
			valid.send("GET", "/v1/users/ada/totp?payload=" + code, admin, null);
			valid.send("GET", "/v1/users/ada/totp?payload=" + code, admin, null);
			valid.send("GET", "/v1/users/nobody/totp?payload=" + code, admin, null);
			valid.send("POST", "/v1/users/ada/totp", admin, "{\"enable\":false}");
			valid.send("POST", "/v1/users/ada/email", admin, null);
			valid.send("POST", "/v1/users/bob/email", admin, null);
			valid.send("POST", "/v1/users/nobody/email", admin, null);
			String link = server.magicLinks("ada").get(0);
			String token = link.substring(link.indexOf("token=") + "token=".length());
			valid.send("GET", "/v1/users/email?payload=" + token, admin, null);
			valid.send("GET", "/v1/users/email?payload=" + token, admin, null);
			valid.send("GET", "/v1/tenant", admin, null);
			valid.send("PATCH", "/v1/tenant", admin,
					"{\"callbackUrl\":\"https://app.example.com/login/ott?token={}\"}");
			valid.send("DELETE", "/v1/users/bob", admin, null);
			valid.send("DELETE", "/v1/users/bob", admin, null);
			valid.send("GET", "/v1/tenant", RawHttp.bearer("not-a-token-of-this-tenant"), null);
			valid.send("POST", "/v1/users", RawHttp.bearer("not-a-token-of-this-tenant"), "{\"userId\":\"eve\"}");
			invalid.send("GET", "/v1/users/ada", null, null);
			invalid.send("POST", "/v1/users", admin, "{\"email\":\"no-id@example.com\"}");
			invalid.send("GET", "/v1/users/ada/totp", admin, null);
			invalid.send("POST", "/v1/users/ada/totp", admin, "{}");
			invalid.send("PATCH", "/v1/tenant", admin, "{\"callbackUrl\":\"https://app.example.com/no-placeholder\"}");
			invalid.send("GET", "/v1/users", admin, null);
			invalid.send("PUT", "/v1/tenant", admin, "{}");

			assertThat(problems(exchanges)).isEmpty();
			assertThat(exchanges).extracting((exchange) -> exchange.answer().status())
				.contains(200, 201, 204, 400, 401, 403, 404, 405, 409);
		}
	}

	/**
	 * Whether the {@code callbackUrl} a message is about is a URI once a token stands
	 * where its {@code {}} is.
	 */
	private static boolean isUriOnceTheTokenIsIn(Exchange exchange, ValidationReport.Message message) {
		String body = message.getKey().startsWith("validation.request.") ? exchange.request().body()
				: exchange.answer().body();
		String callbackUrl = JSON.readTree(body).get("callbackUrl").stringValue();
		try {
			return callbackUrl.contains("{}") && new URI(callbackUrl.replace("{}", "token")).isAbsolute();
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	@Test
	void everyRequestOfTheUsersAuthAndTenantClientsAndEveryAnswerToThemConformsToThePublishedApi() {
		try (FakeLagrelloServer server = FakeLagrelloServer.builder().start();
				LagrelloClient client = lagrello(server, server.adminToken())) {
			UsersClient users = client.users();
			AuthClient auth = client.auth();
			users.create(CreateUserRequest.of("ada", "ada@example.com")).block(Duration.ofSeconds(5));
			users.create(CreateUserRequest.of("bob", null)).block(Duration.ofSeconds(5));
			users.get("ada").block(Duration.ofSeconds(5));
			users.update("ada", UpdateUserRequest.of("ada@lovelace.example")).block(Duration.ofSeconds(5));
			auth.enableTotp("ada").block(Duration.ofSeconds(5));
			String code = server.totpCode("ada");
			assertThat(auth.verifyTotp("ada", code).blockOptional(Duration.ofSeconds(5))).isPresent();
			assertThat(auth.verifyTotp("ada", code).blockOptional(Duration.ofSeconds(5))).isEmpty();
			auth.disableTotp("ada").block(Duration.ofSeconds(5));
			auth.sendMagicLink("ada").block(Duration.ofSeconds(5));
			String link = server.magicLinks("ada").get(0);
			String token = link.substring(link.indexOf("token=") + "token=".length());
			assertThat(auth.redeemMagicLink(token).blockOptional(Duration.ofSeconds(5))).isPresent();
			assertThat(auth.redeemMagicLink(token).blockOptional(Duration.ofSeconds(5))).isEmpty();
			client.tenant().get().block(Duration.ofSeconds(5));
			client.tenant()
				.update(UpdateTenantRequest.of("https://app.example.com/login/ott?token={}"))
				.block(Duration.ofSeconds(5));
			users.delete("bob").block(Duration.ofSeconds(5));
			expectError(users.get("nobody"));
			expectError(users.create(CreateUserRequest.of("ada", null)));
			expectError(auth.verifyTotp("nobody", "123456"));
			server.addUser("carol", null);
			expectError(auth.sendMagicLink("carol"));
			Token reader = server.addToken("reader");
			try (LagrelloClient readOnly = lagrello(server, reader.tokenKey())) {
				expectError(readOnly.tenant().update(UpdateTenantRequest.of("https://app.example.com/{}")));
			}
			List<RecordedRequest> sent = server.requests();
			assertThat(sent).hasSameSizeAs(this.answers);

			List<Exchange> exchanges = new ArrayList<>();
			for (int i = 0; i < sent.size(); i++) {
				exchanges.add(new Exchange(sent.get(i), this.answers.get(i), false));
			}
			assertThat(problems(exchanges)).isEmpty();
			assertThat(sent).extracting(RecordedRequest::method).contains("GET", "POST", "PATCH", "DELETE");
			assertThat(this.answers).extracting(Seen::status).contains(200, 201, 204, 400, 401, 403, 404, 409);
		}
	}

	private LagrelloClient lagrello(FakeLagrelloServer server, String accessToken) {
		return LagrelloClient.builder()
			.webClientBuilder(WebClient.builder().filter(capture()))
			.baseUrl(server.baseUrl())
			.accessToken(accessToken)
			.build();
	}

	private static Exchange exchange(FakeLagrelloServer server, RawHttp raw, String method, String target,
			@Nullable String authorization, @Nullable String body, boolean deliberatelyInvalid) {
		server.clearRequests();
		RawHttp.Response response = raw.send(method, target, authorization, body);
		return new Exchange(server.requests().get(0),
				new Seen(response.status(), response.headers().get("Content-Type"), response.body()),
				deliberatelyInvalid);
	}

	/**
	 * Returns what the published file finds wrong with the exchanges, but for its slips.
	 */
	private static List<String> problems(List<Exchange> exchanges) {
		List<String> problems = new ArrayList<>();
		for (Exchange exchange : exchanges) {
			VALIDATOR.validate(request(exchange.request()), response(exchange.answer()))
				.getMessages()
				.stream()
				.filter((message) -> SLIPS.stream().noneMatch((slip) -> slip.covers().test(exchange, message)))
				.forEach((message) -> problems.add(exchange.request().method() + " " + exchange.request().uri() + " -> "
						+ exchange.answer().status() + ": " + message.getKey() + " " + message.getMessage()));
		}
		return problems;
	}

	private TokensClient client(FakeLagrelloServer server, String accessToken) {
		return TokensClient.builder()
			.webClientBuilder(WebClient.builder().filter(capture()))
			.baseUrl(server.baseUrl())
			.accessToken(accessToken)
			.build();
	}

	/**
	 * Keeps every answer the client receives, as it arrived.
	 */
	private ExchangeFilterFunction capture() {
		return (request, next) -> next.exchange(request)
			.flatMap((response) -> response.bodyToMono(String.class).defaultIfEmpty("").map((body) -> {
				this.answers.add(new Seen(response.statusCode().value(),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE), body));
				return response.mutate().body(body).build();
			}));
	}

	private static void expectError(Mono<?> call) {
		assertThat(call.map(Object.class::cast)
			.onErrorResume(LagrelloApiException.class, (error) -> Mono.just(error))
			.block(Duration.ofSeconds(5))).isInstanceOf(LagrelloApiException.class);
	}

	private static Request request(RecordedRequest recorded) {
		SimpleRequest.Builder builder = new SimpleRequest.Builder(recorded.method(), recorded.path());
		recorded.queryParameters().forEach((name, values) -> builder.withQueryParam(name, values));
		recorded.headers().forEach((name, values) -> builder.withHeader(name, values));
		if (!recorded.body().isEmpty()) {
			builder.withBody(recorded.body());
		}
		return builder.build();
	}

	private static Response response(Seen seen) {
		SimpleResponse.Builder builder = SimpleResponse.Builder.status(seen.status);
		if (seen.contentType != null) {
			builder.withContentType(seen.contentType);
		}
		if (!seen.body.isEmpty()) {
			builder.withBody(seen.body);
		}
		return builder.build();
	}

	/**
	 * Sends a request to the fake and keeps the exchange.
	 */
	@FunctionalInterface
	private interface Sender {

		void send(String method, String target, @Nullable String authorization, @Nullable String body);

	}

	/**
	 * A request the fake received and the answer it gave.
	 */
	private record Exchange(RecordedRequest request, Seen answer, boolean deliberatelyInvalid) {

	}

	/**
	 * A known slip of the published file, and the validation messages it explains.
	 */
	private record Slip(String why, BiPredicate<Exchange, ValidationReport.Message> covers) {

	}

	/**
	 * An answer as it arrived.
	 */
	private record Seen(int status, String contentType, String body) {

	}

}
