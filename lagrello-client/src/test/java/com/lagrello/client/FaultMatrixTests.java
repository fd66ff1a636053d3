package com.lagrello.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix of {@code docs/resilience.md}: every fault crossed with every
 * operation. Each cell asserts that the call ends, how (success after retries or the
 * exception type), and how many requests reached the server, so that a {@code POST} is
 * never seen twice.
 */
class FaultMatrixTests {

	private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	enum Operation {

		CREATE(() -> post("/v1/tokens"), okJson(ApiExamples.TOKEN),
				(client) -> client.create(CreateTokenRequest.of("ci"))),

		LIST_PAGE(() -> get(urlPathEqualTo("/v1/tokens")), okJson(ApiExamples.page("a", 2, null)),
				(client) -> client.listPage(0, 2)),

		DELETE(() -> delete("/v1/tokens/abc"), aResponse().withStatus(204), (client) -> client.delete("abc"));

		final Supplier<MappingBuilder> request;

		final ResponseDefinitionBuilder success;

		final Function<TokensClient, Publisher<?>> call;

		Operation(Supplier<MappingBuilder> request, ResponseDefinitionBuilder success,
				Function<TokensClient, Publisher<?>> call) {
			this.request = request;
			this.success = success;
			this.call = call;
		}

	}

	/** A fault as the server plays it, for one operation's request. */
	interface ServerFault {

		void stub(Operation operation);

	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		// fault, how to stub it, outcome for create, listPage, delete (null = success),
		// requests each
		add(cells, "connection reset before response", always(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
				LagrelloTransportException.class, 1, LagrelloTransportException.class, 3,
				LagrelloTransportException.class, 3);
		add(cells, "connection closed without response", always(aResponse().withFault(Fault.EMPTY_RESPONSE)),
				LagrelloTransportException.class, 1, LagrelloTransportException.class, 3,
				LagrelloTransportException.class, 3);
		add(cells, "random data, then close", always(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
				LagrelloTransportException.class, 1, LagrelloTransportException.class, 3,
				LagrelloTransportException.class, 3);
		add(cells, "200, then a malformed chunk", always(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
				LagrelloTransportException.class, 1, LagrelloTransportException.class, 1,
				LagrelloTransportException.class, 1);
		add(cells, "answer later than the read timeout",
				always(okJson(ApiExamples.page("a", 1, null)).withStatus(200).withFixedDelay(2_000)),
				LagrelloTimeoutException.class, 1, LagrelloTimeoutException.class, 1, LagrelloTimeoutException.class,
				1);
		add(cells, "body dribbled beyond the read timeout",
				always(okJson(ApiExamples.page("a", 2, null)).withChunkedDribbleDelay(4, 2_000)),
				LagrelloTimeoutException.class, 1, LagrelloTimeoutException.class, 1, LagrelloTimeoutException.class,
				1);
		add(cells, "429 without Retry-After", always(aResponse().withStatus(429)), LagrelloApiException.class, 1,
				LagrelloApiException.class, 3, LagrelloApiException.class, 3);
		add(cells, "429 with Retry-After: 0", always(aResponse().withStatus(429).withHeader("Retry-After", "0")),
				LagrelloApiException.class, 1, LagrelloApiException.class, 3, LagrelloApiException.class, 3);
		add(cells, "503 with Retry-After beyond max-retry-after",
				always(aResponse().withStatus(503).withHeader("Retry-After", "3600")), LagrelloApiException.class, 1,
				LagrelloApiException.class, 1, LagrelloApiException.class, 1);
		add(cells, "503, 503, then success", failingTwiceThenSuccess(aResponse().withStatus(503)),
				LagrelloApiException.class, 1, null, 3, null, 3);
		add(cells, "502 with an HTML body",
				always(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<h1>502</h1>")),
				LagrelloApiException.class, 1, LagrelloApiException.class, 3, LagrelloApiException.class, 3);
		add(cells, "500", always(aResponse().withStatus(500)), LagrelloApiException.class, 1,
				LagrelloApiException.class, 1, LagrelloApiException.class, 1);
		add(cells, "200 with truncated JSON",
				always(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"data\":[{\"tokenKey\":\"k\",")),
				LagrelloDecodingException.class, 1, LagrelloDecodingException.class, 1, null, 1);
		return cells.stream();
	}

	private static void add(List<Arguments> cells, String fault, ServerFault stub, Class<?> create, int createRequests,
			Class<?> listPage, int listPageRequests, Class<?> delete, int deleteRequests) {
		cells.add(Arguments.of(fault, Operation.CREATE, stub, create, createRequests));
		cells.add(Arguments.of(fault, Operation.LIST_PAGE, stub, listPage, listPageRequests));
		cells.add(Arguments.of(fault, Operation.DELETE, stub, delete, deleteRequests));
	}

	private static ServerFault always(ResponseDefinitionBuilder response) {
		return (operation) -> api.stubFor(operation.request.get().willReturn(response));
	}

	private static ServerFault failingTwiceThenSuccess(ResponseDefinitionBuilder failure) {
		return (operation) -> {
			api.stubFor(operation.request.get()
				.inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(failure)
				.willSetStateTo("failed once"));
			api.stubFor(operation.request.get()
				.inScenario("flaky")
				.whenScenarioStateIs("failed once")
				.willReturn(failure)
				.willSetStateTo("failed twice"));
			api.stubFor(operation.request.get()
				.inScenario("flaky")
				.whenScenarioStateIs("failed twice")
				.willReturn(operation.success));
		};
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("cells")
	void faultEndsInTheDocumentedOutcomeAfterTheDocumentedRequests(String fault, Operation operation, ServerFault stub,
			Class<? extends Throwable> expectedError, int expectedRequests) {
		stub.stub(operation);
		TokensClient client = clients.add(TestClients.builder(api).readTimeout(READ_TIMEOUT).build());

		StepVerifier.FirstStep<?> call = StepVerifier.create(operation.call.apply(client));
		if (expectedError == null) {
			call.thenConsumeWhile((item) -> true).expectComplete().verify(Duration.ofSeconds(10));
		}
		else {
			call.thenConsumeWhile((item) -> true).expectError(expectedError).verify(Duration.ofSeconds(10));
		}

		assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(expectedRequests);
	}

}
