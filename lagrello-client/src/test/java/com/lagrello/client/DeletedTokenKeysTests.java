package com.lagrello.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A token's key is a credential: deleting it must not put it in a log line, a span's
 * {@code http.url}, an exception's text, checkpoint or stack trace, or the JSON of a
 * {@link DeleteAllResult}.
 */
class DeletedTokenKeysTests {

	private static final String KEY = "tok-secret-key-0123456789";

	private static final String OTHER_KEY = "tok-other-key-abcdefghij";

	private static final String ECHO = "{\"errorType\":\"FORBIDDEN\",\"message\":\"token " + KEY
			+ " may not be deleted\"}";

	// what the client's own code and WebClient log, at every level
	private static final List<String> LOGGERS = List.of("com.lagrello",
			"org.springframework.web.reactive.function.client");

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final List<Level> levelsBefore = new ArrayList<>();

	@BeforeEach
	void captureLogsAtTrace() {
		this.logged.start();
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.levelsBefore.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
			logger.addAppender(this.logged);
		}
	}

	@AfterEach
	void restoreLogs() {
		for (int i = 0; i < LOGGERS.size(); i++) {
			Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS.get(i));
			logger.detachAppender(this.logged);
			logger.setLevel(this.levelsBefore.get(i));
		}
	}

	/** The two tokens, named {@code first} and {@code second}. */
	private static void listing(String firstKey, String secondKey) {
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.tokens(firstKey, secondKey)
			.replace("\"tokenName\":\"" + firstKey + "\"", "\"tokenName\":\"first\"")
			.replace("\"tokenName\":\"" + secondKey + "\"", "\"tokenName\":\"second\""))));
	}

	private static String printed(Throwable failure) {
		StringWriter out = new StringWriter();
		failure.printStackTrace(new PrintWriter(out));
		return out.toString();
	}

	/** Every text of the failure: message, toString, causes and suppressed, printed. */
	private static void assertNoKeyIn(Throwable failure) {
		assertThat(printed(failure)).doesNotContain(KEY);
		List<Throwable> all = new ArrayList<>();
		collect(failure, all);
		assertThat(all).allSatisfy((each) -> {
			assertThat(String.valueOf(each.getMessage())).doesNotContain(KEY);
			assertThat(each.toString()).doesNotContain(KEY);
		});
	}

	private static void collect(Throwable failure, List<Throwable> all) {
		if (failure == null || all.contains(failure)) {
			return;
		}
		all.add(failure);
		collect(failure.getCause(), all);
		for (Throwable suppressed : failure.getSuppressed()) {
			collect(suppressed, all);
		}
	}

	private List<String> loggedLines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : this.logged.list) {
			IThrowableProxy thrown = event.getThrowableProxy();
			lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
					+ ((thrown != null) ? "\n" + ThrowableProxyUtil.asString(thrown) : ""));
		}
		return lines;
	}

	@Test
	void noKeyInTheExceptionOfADeleteTheServerRefusesEchoingTheKey() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(ECHO)));

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> clients.add(TestClients.client(api)).delete(KEY).block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(403);
		assertNoKeyIn(failure);
	}

	@Test
	void noKeyInTheCheckpointOfADeleteTheServerRefuses() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY)).willReturn(aResponse().withStatus(403)));

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> clients.add(TestClients.client(api)).delete(KEY).block(Duration.ofSeconds(10)));

		assertThat(failure).hasMessageNotContaining(KEY);
		assertNoKeyIn(failure);
	}

	@Test
	void noKeyInTheExceptionOfADeleteRetriedUntilItGaveUp() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(ECHO)));

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> clients.add(TestClients.client(api)).delete(KEY).block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(503);
		assertNoKeyIn(failure);
	}

	@Test
	void noKeyInTheExceptionOfADeleteWhoseConnectionWasReset() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		LagrelloTransportException failure = catchThrowableOfType(LagrelloTransportException.class,
				() -> clients.add(TestClients.client(api)).delete(KEY).block(Duration.ofSeconds(10)));

		assertNoKeyIn(failure);
	}

	@Test
	void noKeyInTheFailuresOfDeleteAll() {
		listing(KEY, OTHER_KEY);
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(ECHO)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + OTHER_KEY))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		DeleteAllResult result = clients.add(TestClients.client(api))
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.failures()).hasSize(2);
		result.failures().values().forEach(DeletedTokenKeysTests::assertNoKeyIn);
	}

	@Test
	void noKeyInAnyLineTheClientOrWebClientLogsAtTrace() {
		listing(KEY, OTHER_KEY);
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(ECHO)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + OTHER_KEY)).willReturn(aResponse().withStatus(204)));

		DeleteAllResult result = clients.add(TestClients.client(api))
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		assertThat(result.deleted()).extracting(Token::tokenKey).containsExactly(OTHER_KEY);
		// WebClient's exchange function logs "HTTP DELETE <url>" at DEBUG: the masked URL
		assertThat(loggedLines()).anySatisfy((line) -> assertThat(line).contains("HTTP DELETE ").contains("****6789"))
			.allSatisfy((line) -> assertThat(line).doesNotContain(KEY));
	}

	@Test
	void theHttpUrlOfADeleteShowsTheKeyMaskedFromStartToStop() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY)).willReturn(aResponse().withStatus(204)));
		List<String> httpUrls = new CopyOnWriteArrayList<>();
		SimpleTracer tracer = new SimpleTracer();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new DefaultTracingObservationHandler(tracer))
			.observationHandler(new HttpUrls(httpUrls));

		clients
			.add(TestClients.builder(api)
				.webClientBuilder(WebClient.builder().observationRegistry(registry))
				.observationRegistry(registry)
				.build())
			.delete(KEY)
			.block(Duration.ofSeconds(10));

		assertThat(httpUrls).hasSize(2)
			.allSatisfy((url) -> assertThat(url).isEqualTo(api.baseUrl() + "/v1/tokens/****6789"));
		List<SimpleSpan> requests = tracer.getSpans()
			.stream()
			.filter((span) -> span.getTags().containsKey("http.url"))
			.toList();
		assertThat(requests).hasSize(1)
			.allSatisfy((span) -> assertThat(span.getTags()).doesNotContainValue(api.baseUrl() + "/v1/tokens/" + KEY)
				.allSatisfy((name, value) -> assertThat(value).doesNotContain(KEY)));
		// the request itself went to the real URL
		assertThat(api.getAllServeEvents()).singleElement()
			.satisfies((event) -> assertThat(event.getRequest().getUrl()).isEqualTo("/v1/tokens/" + KEY));
	}

	@Test
	void aDeleteAllResultAsJsonHasMaskedKeysAndNoStackTraces() {
		listing(KEY, OTHER_KEY);
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + KEY))
			.willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(ECHO)));
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + OTHER_KEY)).willReturn(aResponse().withStatus(204)));
		DeleteAllResult result = clients.add(TestClients.client(api))
			.deleteAll((token) -> true)
			.block(Duration.ofSeconds(10));

		String json = JsonMapper.shared().writeValueAsString(result);

		assertThat(json).doesNotContain(KEY)
			.doesNotContain(OTHER_KEY)
			.doesNotContain("stackTrace")
			.doesNotContain("suppressed")
			.hasSizeLessThan(1000);
		JsonNode tree = JsonMapper.shared().readTree(json);
		assertThat(tree.get("deleted")).singleElement()
			.satisfies((deleted) -> assertThat(deleted.get("tokenKey").asString()).isEqualTo("****ghij"))
			.satisfies((deleted) -> assertThat(deleted.get("tokenName").asString()).isEqualTo("second"));
		JsonNode failure = tree.get("failures").get(0);
		assertThat(failure.get("token").get("tokenKey").asString()).isEqualTo("****6789");
		assertThat(failure.get("token").get("tokenName").asString()).isEqualTo("first");
		assertThat(failure.get("status").asInt()).isEqualTo(403);
		assertThat(failure.get("errorType").asString()).isEqualTo("FORBIDDEN");
		assertThat(failure.get("error").asString()).startsWith("tokens/delete failed: HTTP 403 FORBIDDEN");
	}

	/**
	 * The {@code http.url} of every HTTP exchange, as its handlers see it on start and
	 * stop.
	 */
	private record HttpUrls(List<String> urls) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			record(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			record(context);
		}

		private void record(Observation.Context context) {
			KeyValue url = context.getHighCardinalityKeyValue("http.url");
			if (url != null) {
				this.urls.add(url.getValue());
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
