package com.lagrello.client;

import java.time.Duration;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * For every text holding a lone surrogate (half of a UTF-16 pair, which UTF-8 cannot
 * carry and would be sent as {@code ?}): as any string argument that goes into a URL or a
 * body, it is refused as that argument, and nothing is sent.
 */
class WellFormedArgumentsProperties {

	private static WireMockServer server;

	private static LagrelloClient client;

	@BeforeContainer
	static void start() {
		server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		server.stubFor(any(anyUrl()).willReturn(okJson("{\"userId\":\"u-1\"}")));
		client = LagrelloClient.builder()
			.baseUrl(server.baseUrl())
			.accessToken(TestClients.ACCESS_TOKEN)
			.retryPolicy(TestClients.FAST_RETRIES)
			.readTimeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterContainer
	static void stop() {
		client.close();
		server.stop();
	}

	@BeforeTry
	void forgetRequests() {
		server.resetRequests();
	}

	@Property(tries = 300)
	void anArgumentWithALoneSurrogateIsRefusedWithNothingSent(@ForAll("textsWithALoneSurrogate") String text,
			@ForAll StringArgument argument) {
		LagrelloInvalidArgumentException refused = catchThrowableOfType(LagrelloInvalidArgumentException.class,
				() -> argument.call.apply(text).block(Duration.ofSeconds(10)));

		assertThat(refused).as("%s refused", argument).isNotNull();
		assertThat(refused.argument()).isEqualTo(argument.name);
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Provide
	Arbitrary<String> textsWithALoneSurrogate() {
		Arbitrary<String> around = Arbitraries.strings().all().ofMaxLength(12);
		Arbitrary<Character> half = Arbitraries.chars().range(Character.MIN_SURROGATE, Character.MAX_SURROGATE);
		return Combinators.combine(around, half, around)
			.as((before, surrogate, after) -> before + surrogate + after)
			.filter(WellFormedArgumentsProperties::hasALoneSurrogate);
	}

	private static boolean hasALoneSurrogate(String text) {
		return text.codePoints()
			.anyMatch((codePoint) -> codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
	}

	/**
	 * Each string argument of the users, sign-in and tenant operations and the token name
	 * and id, the text put into an otherwise valid value.
	 */
	enum StringArgument {

		USER_ID_OF_GET("userId", (text) -> client.users().get("u" + text)),

		USER_ID_OF_UPDATE("userId", (text) -> client.users().update("u" + text, UpdateUserRequest.of("a@b.example"))),

		USER_ID_OF_DELETE("userId", (text) -> client.users().delete("u" + text)),

		USER_ID_OF_CREATE("userId",
				(text) -> Mono.defer(() -> client.users().create(CreateUserRequest.of("u" + text, null)))),

		EMAIL_OF_CREATE("email",
				(text) -> Mono
					.defer(() -> client.users().create(CreateUserRequest.of("u-1", "a" + text + "@b.example")))),

		EMAIL_OF_UPDATE("email",
				(text) -> Mono
					.defer(() -> client.users().update("u-1", UpdateUserRequest.of("a" + text + "@b.example")))),

		USER_ID_OF_ENABLE_TOTP("userId", (text) -> client.auth().enableTotp("u" + text)),

		USER_ID_OF_DISABLE_TOTP("userId", (text) -> client.auth().disableTotp("u" + text)),

		USER_ID_OF_VERIFY_TOTP("userId", (text) -> client.auth().verifyTotp("u" + text, "123456")),

		CODE("code", (text) -> client.auth().verifyTotp("u-1", "1" + text)),

		USER_ID_OF_SEND_MAGIC_LINK("userId", (text) -> client.auth().sendMagicLink("u" + text)),

		TOKEN("token", (text) -> client.auth().redeemMagicLink("t" + text)),

		TOKEN_NAME("tokenName",
				(text) -> Mono.defer(() -> client.tokens().create(CreateTokenRequest.of("n" + text, Permission.READ)))),

		TOKEN_ID("tokenId", (text) -> client.tokens().delete("k" + text)),

		CALLBACK_URL("callbackUrl", (text) -> Mono
			.defer(() -> client.tenant().update(UpdateTenantRequest.of("https://app.example/in/{}?from=" + text))));

		private final String name;

		private final Function<String, Mono<?>> call;

		StringArgument(String name, Function<String, Mono<?>> call) {
			this.name = name;
			this.call = call;
		}

	}

}
