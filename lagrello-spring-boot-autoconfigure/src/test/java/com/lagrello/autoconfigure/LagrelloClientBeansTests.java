package com.lagrello.autoconfigure;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.CreateUserRequest;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.Tenant;
import com.lagrello.client.TenantClient;
import com.lagrello.client.TokensClient;
import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.UpdateTenantRequest;
import com.lagrello.client.UpdateUserRequest;
import com.lagrello.client.User;
import com.lagrello.client.UsersClient;
import com.lagrello.client.WebClientTokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client beans of 0.3 ({@link LagrelloClient}, {@link UsersClient},
 * {@link AuthClient}, {@link TenantClient} and their blocking twins) beside the
 * {@link TokensClient} beans: one root, every bean replaceable on its own, each blocking
 * bean over the reactive bean of its area, in servlet and reactive applications alike.
 */
class LagrelloClientBeansTests {

	private static final String TOKEN = "client-beans-access-token-42";

	private static final String USER = "{\"userId\":\"alice\",\"email\":\"alice@example.com\"}";

	private static final String TENANT = "{\"tenantId\":\"t-1\",\"tenantName\":\"Acme\","
			+ "\"callbackUrl\":\"https://app.example.com/login/ott?token={}\",\"activated\":true}";

	private static final List<Class<?>> CLIENT_TYPES = List.of(LagrelloClient.class, TokensClient.class,
			UsersClient.class, AuthClient.class, TenantClient.class, BlockingTokensClient.class,
			BlockingUsersClient.class, BlockingAuthClient.class, BlockingTenantClient.class);

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			LagrelloAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
		.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=" + TOKEN);

	@Test
	void everyClientIsABeanAndTheAreasAreThoseOfTheOneRoot() {
		this.runner.run((context) -> {
			CLIENT_TYPES.forEach((type) -> assertThat(context).hasSingleBean(type));
			LagrelloClient root = context.getBean(LagrelloClient.class);
			assertThat(context.getBean(TokensClient.class)).isSameAs(root.tokens());
			assertThat(context.getBean(UsersClient.class)).isSameAs(root.users());
			assertThat(context.getBean(AuthClient.class)).isSameAs(root.auth());
			assertThat(context.getBean(TenantClient.class)).isSameAs(root.tenant());
		});
	}

	// a servlet application's: ServletApplicationTests of the MVC sample
	@Test
	void everyClientIsABeanOfAReactiveApplication() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=" + TOKEN)
			.run((context) -> CLIENT_TYPES.forEach((type) -> assertThat(context).hasSingleBean(type)));
	}

	@Test
	void theClientsOfEveryAreaSendWithTheSettingsOfTheProperties() {
		api.stubFor(get("/v1/users/alice").willReturn(okJson(USER)));
		api.stubFor(get("/v1/tenant").willReturn(okJson(TENANT)));
		api.stubFor(get(urlPathEqualTo("/v1/users/alice/totp")).willReturn(aResponse().withStatus(401)));

		this.runner.run((context) -> {
			assertThat(context.getBean(UsersClient.class).get("alice").block(Duration.ofSeconds(5)))
				.isEqualTo(new User("alice", "alice@example.com"));
			assertThat(context.getBean(BlockingUsersClient.class).get("alice").email()).isEqualTo("alice@example.com");
			assertThat(context.getBean(BlockingTenantClient.class).get().tenantName()).isEqualTo("Acme");
			assertThat(context.getBean(BlockingAuthClient.class).verifyTotp("alice", "123456")).isEmpty();
		});

		api.verify(2,
				getRequestedFor(urlEqualTo("/v1/users/alice")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		api.verify(getRequestedFor(urlEqualTo("/v1/tenant")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
		api.verify(getRequestedFor(urlEqualTo("/v1/users/alice/totp?payload=123456")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@Test
	void theAreasShareTheRootsRetrySettings() {
		api.stubFor(get("/v1/users/alice").willReturn(aResponse().withStatus(503)));

		this.runner
			.withPropertyValues("lagrello.retry.max-attempts=4", "lagrello.retry.initial-backoff=1ms",
					"lagrello.retry.max-backoff=2ms")
			.run((context) -> assertThatExceptionOfType(LagrelloException.class)
				.isThrownBy(() -> context.getBean(BlockingUsersClient.class).get("alice")));

		api.verify(4, getRequestedFor(urlEqualTo("/v1/users/alice")));
	}

	@ParameterizedTest
	@ValueSource(classes = { LagrelloClient.class, TokensClient.class, UsersClient.class, AuthClient.class,
			TenantClient.class, BlockingTokensClient.class, BlockingUsersClient.class, BlockingAuthClient.class,
			BlockingTenantClient.class })
	void anApplicationsOwnBeanReplacesThatBeanOnly(Class<?> type) {
		// a root must give its areas: a real one, sent nothing
		Object own = (type == LagrelloClient.class)
				? LagrelloClient.builder().baseUrl(api.baseUrl()).accessToken("own-0123456789").build()
				: untouchable(type);

		this.runner.withBean("own", castTo(type), () -> own).run((context) -> {
			assertThat(context).hasNotFailed();
			CLIENT_TYPES.forEach((each) -> assertThat(context).hasSingleBean(each));
			assertThat(context.getBean(type)).isSameAs(own);
			CLIENT_TYPES.stream()
				.filter((each) -> each != type)
				.forEach((each) -> assertThat(context.getBean(each)).isNotSameAs(own));
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> Class<T> castTo(Class<?> type) {
		return (Class<T>) type;
	}

	@Test
	void theTokensClientBeanCanStillBeInjectedAsWebClientTokensClientBeforeItIsMade() {
		// the README's several-tenants bean: an application's beans are made before the
		// auto-configured ones, so this works only if the bean's declared type says it
		this.runner.withUserConfiguration(TenantClientsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("tenantClients", Map.class)).containsEntry("own",
					context.getBean(TokensClient.class));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TenantClientsConfiguration {

		@Bean
		Map<String, TokensClient> tenantClients(WebClientTokensClient tokens) {
			return Map.of("own", tokens);
		}

	}

	@Test
	void anApplicationsOwnLagrelloClientIsTheRootOfTheAreaBeans() {
		try (LagrelloClient own = LagrelloClient.builder()
			.baseUrl(api.baseUrl())
			.accessToken("own-0123456789")
			.build()) {
			new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withBean(LagrelloClient.class, () -> own)
				.run((context) -> {
					assertThat(context).hasSingleBean(LagrelloClient.class);
					assertThat(context.getBean(TokensClient.class)).isSameAs(own.tokens());
					assertThat(context.getBean(UsersClient.class)).isSameAs(own.users());
					assertThat(context.getBean(AuthClient.class)).isSameAs(own.auth());
					assertThat(context.getBean(TenantClient.class)).isSameAs(own.tenant());
				});
		}
	}

	@Test
	void theBlockingUsersClientIsBackedByAnApplicationsOwnUsersClient() {
		RecordingUsersClient own = new RecordingUsersClient();

		this.runner.withBean(UsersClient.class, () -> own).run((context) -> {
			assertThat(context.getBean(BlockingUsersClient.class).get("alice"))
				.isEqualTo(new User("alice", "from-the-double@example.com"));
			assertThat(own.calls).containsExactly("get alice");
		});
	}

	@Test
	void aBlockingCallOverAnApplicationsOwnUsersClientNeedsNoAccessToken() {
		RecordingUsersClient own = new RecordingUsersClient();

		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withBean(TokensClient.class, () -> untouchable(TokensClient.class))
			.withBean(UsersClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(BlockingUsersClient.class).get("alice").userId())
				.isEqualTo("alice"));
		assertThat(own.calls).containsExactly("get alice");
	}

	@Test
	void theBlockingAuthClientIsBackedByAnApplicationsOwnAuthClient() {
		RecordingAuthClient own = new RecordingAuthClient();

		this.runner.withBean(AuthClient.class, () -> own).run((context) -> {
			BlockingAuthClient auth = context.getBean(BlockingAuthClient.class);
			assertThat(auth.verifyTotp("alice", "123456")).contains(new User("alice", null));
			assertThat(auth.verifyTotp("alice", "654321")).isEmpty();
			assertThat(own.calls).containsExactly("verifyTotp alice", "verifyTotp alice");
		});
	}

	@Test
	void theBlockingTenantClientIsBackedByAnApplicationsOwnTenantClient() {
		AtomicReference<String> asked = new AtomicReference<>();
		TenantClient own = new TenantClient() {

			@Override
			public Mono<Tenant> get() {
				asked.set("get");
				return Mono.just(new Tenant("t-own", "Own", "https://own.example.com/{}", true, null));
			}

			@Override
			public Mono<Tenant> update(UpdateTenantRequest request) {
				return Mono.error(new AssertionError("not called"));
			}

			@Override
			public BlockingTenantClient blocking() {
				throw new AssertionError("the blocking bean makes its own face over this client");
			}

		};

		this.runner.withBean(TenantClient.class, () -> own)
			.run((context) -> assertThat(context.getBean(BlockingTenantClient.class).get().tenantId())
				.isEqualTo("t-own"));
		assertThat(asked).hasValue("get");
	}

	@ParameterizedTest
	@ValueSource(classes = { UsersClient.class, AuthClient.class, TenantClient.class })
	void theBlockingBeansDoNotTouchAnApplicationsOwnClientAtStartUp(Class<?> type) {
		this.runner.withBean(castTo(type), () -> untouchable(type))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BlockingUsersClient.class)
				.hasSingleBean(BlockingAuthClient.class)
				.hasSingleBean(BlockingTenantClient.class));
	}

	@Test
	void aCallOnAnApplicationsOwnUsersClientIsBoundedByTheCallTimeoutProperty() {
		UsersClient neverAnswering = new RecordingUsersClient() {
			@Override
			public Mono<User> get(String userId) {
				return Mono.never();
			}
		};

		this.runner.withBean(UsersClient.class, () -> neverAnswering)
			.withPropertyValues("lagrello.call-timeout=200ms")
			.run((context) -> assertThatExceptionOfType(LagrelloTimeoutException.class)
				.isThrownBy(() -> context.getBean(BlockingUsersClient.class).get("alice"))
				.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(200))));
	}

	@Test
	void aCallOfTheRootsOwnClientIsBoundedByTheCallTimeoutProperty() {
		api.stubFor(get("/v1/tenant").willReturn(okJson(TENANT).withFixedDelay(5000)));

		this.runner.withPropertyValues("lagrello.call-timeout=300ms")
			.run((context) -> assertThatExceptionOfType(LagrelloTimeoutException.class)
				.isThrownBy(() -> context.getBean(BlockingTenantClient.class).get())
				.satisfies((timeout) -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(300))));
	}

	@Test
	void closingTheContextClosesTheRootAndSoEveryArea() {
		AtomicReference<LagrelloClient> root = new AtomicReference<>();

		this.runner.run((context) -> root.set(context.getBean(LagrelloClient.class)));

		assertClosed(() -> root.get().users().get("alice").block(Duration.ofSeconds(5)));
		assertClosed(() -> root.get().auth().sendMagicLink("alice").block(Duration.ofSeconds(5)));
		assertClosed(() -> root.get().tenant().get().block(Duration.ofSeconds(5)));
		assertClosed(() -> root.get().tokens().delete("abc").block(Duration.ofSeconds(5)));
		assertThat(api.getAllServeEvents()).isEmpty();
	}

	private static void assertClosed(Runnable call) {
		assertThatExceptionOfType(LagrelloException.class).isThrownBy(call::run).withMessageContaining("closed");
	}

	@Test
	void anApplicationWithItsOwnTokensClientAndNoAccessTokenStarts() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withBean(TokensClient.class, () -> untouchable(TokensClient.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(UsersClient.class));
	}

	@Test
	void anApplicationThatInjectsTheUsersClientWithoutAccessTokenFailsStartUpNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withBean(TokensClient.class, () -> untouchable(TokensClient.class))
			.withBean("signUp", Object.class, Object::new, (definition) -> definition.setDependsOn("usersClient"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MissingAccessTokenException.class)
				.hasMessageContaining("lagrello.access-token"));
	}

	/**
	 * A client of the given interface that fails the test when any of its methods is
	 * called.
	 */
	private static <T> T untouchable(Class<T> type) {
		return type.cast(Proxy.newProxyInstance(LagrelloClientBeansTests.class.getClassLoader(),
				new Class<?>[] { type }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> "untouchable " + type.getSimpleName();
						};
					}
					throw new AssertionError("called at start-up: " + method.getName());
				}));
	}

	/** An application's own users client, a test double, that records its calls. */
	static class RecordingUsersClient implements UsersClient {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Override
		public Mono<User> create(CreateUserRequest request) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public Mono<User> get(String userId) {
			this.calls.add("get " + userId);
			return Mono.just(new User(userId, "from-the-double@example.com"));
		}

		@Override
		public Mono<User> update(String userId, UpdateUserRequest request) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public Mono<Void> delete(String userId) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public BlockingUsersClient blocking() {
			throw new AssertionError("the blocking bean makes its own face over this client");
		}

	}

	/** An application's own auth client, a test double: 123456 is the one good code. */
	static final class RecordingAuthClient implements AuthClient {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Override
		public Mono<TotpEnrollment> enableTotp(String userId) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public Mono<Void> disableTotp(String userId) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public Mono<User> verifyTotp(String userId, String code) {
			this.calls.add("verifyTotp " + userId);
			return "123456".equals(code) ? Mono.just(new User(userId, null)) : Mono.empty();
		}

		@Override
		public Mono<Void> sendMagicLink(String userId) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public Mono<User> redeemMagicLink(String token) {
			return Mono.error(new AssertionError("not called"));
		}

		@Override
		public BlockingAuthClient blocking() {
			throw new AssertionError("the blocking bean makes its own face over this client");
		}

	}

}
