package com.lagrello.autoconfigure;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloDecodingException;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TokensClient;
import com.lagrello.client.TokensClientBuilder;
import com.lagrello.client.WebClientTokensClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link LagrelloAutoConfiguration}: the beans it defines, when it backs off, and what
 * its client sends.
 */
class LagrelloAutoConfigurationTests {

	private static final String TOKEN = "auto-config-access-token-42";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class));

	private ApplicationContextRunner pointedAtApi() {
		return this.runner.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=" + TOKEN);
	}

	@Test
	void tokensClientIsAutoConfiguredWithBaseUrlAndAccessToken() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));

		pointedAtApi().run((context) -> {
			assertThat(context).hasSingleBean(TokensClient.class).hasSingleBean(LagrelloConnectionDetails.class);
			context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
		});

		api.verify(
				anyRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnTokensClient() {
		pointedAtApi().withUserConfiguration(OwnTokensClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TokensClient.class);
			assertThat(context.getBean(TokensClient.class)).isSameAs(OwnTokensClientConfiguration.CLIENT);
		});
	}

	@Test
	void missingAccessTokenFailsStartUpNamingTheProperty() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingAccessTokenException.class)
				.hasMessageContaining("lagrello.access-token");
		});
	}

	@Test
	void blankAccessTokenFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("lagrello.access-token= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lagrello.access-token");
		});
	}

	@Test
	void failureAnalysisOfMissingAccessTokenSaysHowToSetIt() {
		FailureAnalysis analysis = new MissingAccessTokenFailureAnalyzer().analyze(new MissingAccessTokenException());

		assertThat(analysis.getDescription()).contains("lagrello.access-token");
		assertThat(analysis.getAction()).contains("lagrello.access-token", "LAGRELLO_ACCESS_TOKEN");
	}

	@Test
	void plainHttpToARemoteHostFailsStartUp() {
		this.runner.withPropertyValues("lagrello.base-url=http://api.example.com", "lagrello.access-token=" + TOKEN)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("lagrello.allow-insecure-http")
					.hasMessageNotContaining(TOKEN);
			});
	}

	@Test
	void plainHttpToARemoteHostIsAcceptedWhenAllowedExplicitly() {
		this.runner
			.withPropertyValues("lagrello.base-url=http://api.example.com", "lagrello.access-token=" + TOKEN,
					"lagrello.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasSingleBean(TokensClient.class));
	}

	private static LagrelloConnectionDetails connectionDetails(java.util.function.Supplier<String> accessToken) {
		return new LagrelloConnectionDetails() {
			@Override
			public URI getBaseUrl() {
				return URI.create(api.baseUrl());
			}

			@Override
			public String getAccessToken() {
				return accessToken.get();
			}
		};
	}

	@Test
	void connectionDetailsBeanTakesThePlaceOfTheProperties() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));

		this.runner.withBean(LagrelloConnectionDetails.class, () -> connectionDetails(() -> "from-connection-details"))
			.run((context) -> {
				assertThat(context).hasSingleBean(LagrelloConnectionDetails.class);
				context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
			});

		api.verify(anyRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization",
				equalTo("Bearer from-connection-details")));
	}

	@Test
	void aSecretRotatedBehindTheConnectionDetailsIsUsedWithoutARestart() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));
		java.util.concurrent.atomic.AtomicReference<String> secret = new java.util.concurrent.atomic.AtomicReference<>(
				"before-rotation-0123456789");

		this.runner.withBean(LagrelloConnectionDetails.class, () -> connectionDetails(secret::get)).run((context) -> {
			TokensClient client = context.getBean(TokensClient.class);
			client.delete("abc").block(Duration.ofSeconds(5));
			secret.set("after-rotation-0123456789");
			client.delete("abc").block(Duration.ofSeconds(5));
		});

		api.verify(1, anyRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization",
				equalTo("Bearer before-rotation-0123456789")));
		api.verify(1, anyRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization",
				equalTo("Bearer after-rotation-0123456789")));
	}

	@Test
	void closingTheContextReleasesTheClientsTimer() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));
		java.util.concurrent.atomic.AtomicReference<TokensClient> client = new java.util.concurrent.atomic.AtomicReference<>();

		pointedAtApi().run((context) -> client.set(context.getBean(TokensClient.class)));

		StepVerifier.create(client.get().delete("abc"))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("closed"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void retryAndPaginationPropertiesReachTheClient() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));

		pointedAtApi()
			.withPropertyValues("lagrello.retry.max-attempts=5", "lagrello.retry.initial-backoff=1ms",
					"lagrello.retry.max-backoff=2ms", "lagrello.pagination.page-size=7")
			.run((context) -> context.getBean(TokensClient.class)
				.listAll()
				.onErrorResume((error) -> Flux.empty())
				.blockLast(Duration.ofSeconds(5)));

		api.verify(5, anyRequestedFor(urlEqualTo("/v1/tokens?size=7")));
	}

	@Test
	void withAnObservationRegistryEachCallIsOneOperationParentOfItsHttpRequests() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));
		TestObservationRegistry registry = TestObservationRegistry.create();

		pointedAtApi().withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("lagrello.retry.initial-backoff=1ms", "lagrello.retry.max-backoff=2ms")
			.run((context) -> context.getBean(TokensClient.class)
				.listPage(0, 7)
				.onErrorResume((error) -> Mono.empty())
				.block(Duration.ofSeconds(5)));

		assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lagrello.client.operations", 1)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3)
			.hasObservationWithNameEqualTo("lagrello.client.operations")
			.that()
			.hasLowCardinalityKeyValue("operation", "tokens/list")
			.hasLowCardinalityKeyValue("outcome", "LagrelloApiException");
		assertThat(registry).forAllObservationsWithNameEqualTo("http.client.requests",
				(http) -> http.hasParentObservation());
	}

	@Test
	void retryBudgetPropertiesReachTheClient() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));

		pointedAtApi()
			.withPropertyValues("lagrello.retry.max-attempts=5", "lagrello.retry.initial-backoff=1ms",
					"lagrello.retry.max-backoff=2ms", "lagrello.retry.budget.percent=0",
					"lagrello.retry.budget.min-retries=2", "lagrello.retry.budget.window=1m")
			.run((context) -> context.getBean(TokensClient.class)
				.listPage(0, 7)
				.onErrorResume((error) -> Mono.empty())
				.block(Duration.ofSeconds(5)));

		api.verify(3, anyRequestedFor(urlEqualTo("/v1/tokens?page=0&size=7")));
	}

	@Test
	void aDisabledRetryBudgetLetsEveryAttemptGo() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens")).willReturn(aResponse().withStatus(503)));

		pointedAtApi()
			.withPropertyValues("lagrello.retry.max-attempts=15", "lagrello.retry.initial-backoff=1ms",
					"lagrello.retry.max-backoff=2ms", "lagrello.retry.budget.enabled=false")
			.run((context) -> context.getBean(TokensClient.class)
				.listPage(0, 7)
				.onErrorResume((error) -> Mono.empty())
				.block(Duration.ofSeconds(5)));

		api.verify(15, anyRequestedFor(urlEqualTo("/v1/tokens?page=0&size=7")));
	}

	@Test
	void paginationConcurrencyReachesTheClient() {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=1"))
			.willReturn(okJson(page("a-1", api.baseUrl() + "/v1/tokens?page=1&size=1"))));
		// answered late, so that pages 1 to 3 are all asked for before any of them
		// arrives, also on a slow machine
		api.stubFor(get(urlEqualTo("/v1/tokens?page=1&size=1"))
			.willReturn(okJson(page("b-1", api.baseUrl() + "/v1/tokens?page=2&size=1")).withFixedDelay(1_000)));
		api.stubFor(get(urlEqualTo("/v1/tokens?page=2&size=1"))
			.willReturn(okJson(page("c-1", null)).withFixedDelay(1_000)));
		api.stubFor(get(urlEqualTo("/v1/tokens?page=3&size=1")).willReturn(okJson(page(null, null))));

		pointedAtApi().withPropertyValues("lagrello.pagination.concurrency=3", "lagrello.pagination.page-size=1")
			.run((context) -> assertThat(context.getBean(TokensClient.class)
				.listAll()
				.map((token) -> token.tokenName())
				.collectList()
				.block(Duration.ofSeconds(10))).containsExactly("a-1", "b-1", "c-1"));

		// pages 1 to 3 asked for at once by number: 3 is beyond the end (its request
		// may be logged after the drain ended)
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> api.verify(1, anyRequestedFor(urlEqualTo("/v1/tokens?page=3&size=1"))));
	}

	/** A page with one token of that name, or none, and the given next link. */
	private static String page(String tokenName, String next) {
		String data = (tokenName != null) ? "{\"tokenKey\":\"" + tokenName + "\",\"tokenName\":\"" + tokenName
				+ "\",\"createdBy\":\"admin\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"permissions\":[\"READ\"]}" : "";
		return "{\"data\":[" + data + "],\"paging\":{\"next\":" + ((next != null) ? "\"" + next + "\"" : "null")
				+ ",\"previous\":null}}";
	}

	@Test
	void propertyDefaultsAreTheClientsOwnDefaults() {
		LagrelloProperties properties = new LagrelloProperties();

		assertThat(properties.getBaseUrl()).isEqualTo(TokensClientBuilder.DEFAULT_BASE_URL);
		assertThat(properties.getReadTimeout()).isEqualTo(TokensClientBuilder.DEFAULT_READ_TIMEOUT);
		assertThat(properties.getPagination().getPageSize()).isEqualTo(TokensClientBuilder.DEFAULT_PAGE_SIZE);
		assertThat(properties.getPagination().getMaxPages()).isEqualTo(TokensClientBuilder.DEFAULT_MAX_PAGES);
		assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
		assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(RetryPolicy.DEFAULT.initialBackoff());
		assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(RetryPolicy.DEFAULT.maxBackoff());
		assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(RetryPolicy.DEFAULT.maxRetryAfter());
		assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getHealth().getInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.isAllowInsecureHttp()).isFalse();
		assertThat(properties.getCallTimeout()).isEqualTo(TokensClientBuilder.DEFAULT_CALL_TIMEOUT);
		assertThat(properties.getBulk().getConcurrency()).isEqualTo(TokensClientBuilder.DEFAULT_BULK_CONCURRENCY);
		assertThat(properties.getPagination().getConcurrency())
			.isEqualTo(TokensClientBuilder.DEFAULT_PAGINATION_CONCURRENCY);
		assertThat(properties.getPagination().isRebaseLinks()).isFalse();
		LagrelloProperties.Budget budget = properties.getRetry().getBudget();
		assertThat(budget.isEnabled()).isEqualTo(RetryBudget.DEFAULT.isLimited());
		assertThat(RetryBudget.of(budget.getPercent(), budget.getMinRetries(), budget.getWindow()))
			.isEqualTo(RetryBudget.DEFAULT);
	}

	@Test
	void aBlockingTokensClientBeanSendsThroughTheTokensClient() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));

		pointedAtApi().run((context) -> {
			assertThat(context).hasSingleBean(com.lagrello.client.BlockingTokensClient.class);
			context.getBean(com.lagrello.client.BlockingTokensClient.class).delete("abc");
		});

		api.verify(
				anyRequestedFor(urlEqualTo("/v1/tokens/abc")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
	}

	@Test
	void theBlockingBeanDoesNotTouchAnApplicationsOwnTokensClientAtStartUp() {
		TokensClient untouchable = (TokensClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { TokensClient.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return (method.getName().equals("equals")) ? proxy == args[0]
								: method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "untouchable";
					}
					throw new AssertionError("called at start-up: " + method.getName());
				});

		this.runner.withBean(TokensClient.class, () -> untouchable)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(com.lagrello.client.BlockingTokensClient.class));
	}

	@Test
	void anApplicationsOwnBlockingTokensClientTakesThePlaceOfTheAutoConfiguredOne() {
		pointedAtApi()
			.withBean("ownBlocking", com.lagrello.client.BlockingTokensClient.class,
					() -> TokensClient.builder().accessToken("own-0123456789").build().blocking())
			.run((context) -> assertThat(context).hasSingleBean(com.lagrello.client.BlockingTokensClient.class)
				.hasBean("ownBlocking"));
	}

	@Test
	void propertiesToStringDoesNotShowTheAccessToken() {
		pointedAtApi()
			.run((context) -> assertThat(context.getBean(LagrelloProperties.class).toString()).doesNotContain(TOKEN));
	}

	@Test
	void bootWebClientCustomizersApplyToTheClient() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

		pointedAtApi()
			.withBean(WebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-Boot-Customizer", "yes"))
			.run((context) -> context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5)));

		api.verify(anyRequestedFor(anyUrl()).withHeader("X-From-Boot-Customizer", equalTo("yes")));
	}

	@Test
	void lagrelloClientCustomizersApplyInOrderToTheClientOnly() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

		pointedAtApi().withUserConfiguration(OrderedCustomizersConfiguration.class).run((context) -> {
			context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
			org.springframework.web.reactive.function.client.WebClient plain = context
				.getBean(org.springframework.web.reactive.function.client.WebClient.Builder.class)
				.build();
			plain.get().uri(api.baseUrl() + "/plain").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
		});

		assertThat(api.findAll(anyRequestedFor(urlEqualTo("/v1/tokens/abc")))).singleElement()
			.satisfies((request) -> assertThat(request.getHeaders().getHeader("X-Order").values())
				.containsExactly("first", "second"));
		api.verify(anyRequestedFor(urlEqualTo("/plain")).withoutHeader("X-Order"));
	}

	@Test
	void requestsAreObservedUnderTheUriTemplateNeverTheRawIdNorAnAbsoluteNextLink() {
		api.stubFor(delete(urlPathEqualTo("/v1/tokens/secret-id-1")).willReturn(aResponse().withStatus(204)));
		for (int page = 0; page < 100; page++) {
			String url = (page == 0) ? "/v1/tokens?size=1" : "/v1/tokens?page=" + page + "&size=1";
			String next = (page < 99) ? "\"" + api.baseUrl() + "/v1/tokens?page=" + (page + 1) + "&size=1\"" : "null";
			api.stubFor(get(urlEqualTo(url)).willReturn(okJson("{\"data\":[{\"tokenKey\":\"k" + page
					+ "\",\"tokenName\":\"n\",\"createdBy\":\"c\",\"createdAt\":\"2024-01-01T00:00:00Z\","
					+ "\"permissions\":[]}],\"paging\":{\"next\":" + next + "}}")));
		}

		pointedAtApi().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				client.delete("secret-id-1").block(Duration.ofSeconds(5));
				assertThat(client.listAll(1).count().block(Duration.ofSeconds(30))).isEqualTo(100);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("http.client.requests").timers())
					.extracting((timer) -> timer.getId().getTag("uri"))
					.containsOnly("/v1/tokens/{id}", "/v1/tokens");
				assertThat(meters.find("http.client.requests").tag("uri", "/v1/tokens").timers()).map(Timer::count)
					.containsExactly(100L);
			});
	}

	@Test
	void answerLargerThanMaxInMemorySizeFailsAsDecodingFault() {
		api.stubFor(get(urlPathEqualTo("/v1/tokens"))
			.willReturn(okJson("{\"data\":[],\"paging\":{},\"padding\":\"" + "x".repeat(4096) + "\"}")));

		pointedAtApi().withPropertyValues("lagrello.max-in-memory-size=1KB")
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).listPage(0, 1))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(LagrelloDecodingException.class)
					.hasMessageContaining("lagrello.max-in-memory-size"))
				.verify(Duration.ofSeconds(5)));
	}

	@Test
	void applicationWideReadTimeoutDoesNotCutTheClientsOwnShort() {
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204).withFixedDelay(500)));

		pointedAtApi().withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.read-timeout=100ms", "lagrello.read-timeout=5s")
			.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).delete("abc"))
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void connectionPoolIsNotAConnectionProviderBeanOfTheApplication() {
		pointedAtApi().run((context) -> assertThat(context).hasSingleBean(LagrelloConnectionPool.class)
			.doesNotHaveBean(ConnectionProvider.class));
	}

	@Test
	void applicationsJsonNamingStrategyDoesNotChangeTheWireFormat() {
		api.stubFor(post("/v1/tokens").willReturn(okJson("{\"tokenKey\":\"k\",\"tokenName\":\"ci\","
				+ "\"createdBy\":\"admin\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"permissions\":[\"READ\"]}")));

		pointedAtApi()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class))
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> StepVerifier
				.create(context.getBean(TokensClient.class).create(CreateTokenRequest.of("ci")))
				.assertNext((token) -> assertThat(token.tokenName()).isEqualTo("ci"))
				.verifyComplete());

		api.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
			.withRequestBody(equalToJson("{\"tokenName\":\"ci\",\"permissions\":[]}")));
	}

	@Test
	void uriTagsStayTheTemplatesWhenTheBaseUrlHasAPath() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

		this.runner.withPropertyValues("lagrello.base-url=" + api.baseUrl() + "/api", "lagrello.access-token=" + TOKEN)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.run((context) -> {
				context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
				assertThat(context.getBean(MeterRegistry.class).find("http.client.requests").timers())
					.extracting((timer) -> timer.getId().getTag("uri"))
					.containsOnly("/v1/tokens/{id}");
			});

		api.verify(anyRequestedFor(urlEqualTo("/api/v1/tokens/abc")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTokensClientConfiguration {

		static final TokensClient CLIENT = new TokensClient() {
			@Override
			public Mono<com.lagrello.client.Token> create(com.lagrello.client.CreateTokenRequest request) {
				return Mono.empty();
			}

			@Override
			public Mono<com.lagrello.client.TokenList> listPage(int page, int size) {
				return Mono.empty();
			}

			@Override
			public Flux<com.lagrello.client.Token> listAll() {
				return Flux.empty();
			}

			@Override
			public Flux<com.lagrello.client.Token> listAll(int pageSize) {
				return Flux.empty();
			}

			@Override
			public Mono<Void> delete(String tokenId) {
				return Mono.empty();
			}
		};

		@Bean
		TokensClient myTokensClient() {
			return CLIENT;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizersConfiguration {

		@Bean
		@Order(2)
		LagrelloClientCustomizer second() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Order", "second"));
		}

		@Bean
		@Order(1)
		LagrelloClientCustomizer first() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.add("X-Order", "first"));
		}

	}

}
