package com.lagrello.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.autoconfigure.health.LagrelloHealthContributorAutoConfiguration;
import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.UsersClient;
import com.lagrello.health.LagrelloHealthIndicator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in secrets of 0.3 (TOTP codes, magic-link tokens, TOTP secret keys and their
 * {@code qrImage} links) stay out of logs, messages, stack traces, {@code toString()},
 * observations and actuator output, beside the access token, even when the server echoes
 * every one of them back.
 */
class SignInSecrecyTests {

	private static final String ACCESS_TOKEN = "very-secret-access-token-4711";

	private static final String CODE = "totp-code-4711";

	private static final String MAGIC_TOKEN = "magic-link-token-4711";

	private static final String SECRET_KEY = "JBSWY3DPEHPK3PXP4711";

	private static final String QR_IMAGE = "https://qr.example.com/qr-image-4711.png";

	private static final List<String> SECRETS = List.of(ACCESS_TOKEN, CODE, MAGIC_TOKEN, SECRET_KEY, QR_IMAGE,
			"qr-image-4711");

	/** The client's own loggers and Spring's WebClient and codec loggers. */
	private static final List<String> CAPTURED_LOGGERS = List.of("com.lagrello",
			"org.springframework.web.reactive.function.client", "org.springframework.http", "org.springframework.web",
			"org.springframework.core.codec");

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
				LagrelloHealthContributorAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, WebClientObservationAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(ObservationsSeen.class, ObservationsSeen::new)
		.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=" + ACCESS_TOKEN,
				"lagrello.retry.initial-backoff=1ms", "lagrello.retry.max-backoff=2ms",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"management.endpoints.jmx.exposure.include=env,configprops", "spring.jmx.enabled=true");

	@Test
	void theEnrollmentsToStringShowsNeitherTheSecretKeyNorTheQrImage() {
		String shown = new TotpEnrollment(SECRET_KEY, java.net.URI.create(QR_IMAGE)).toString();
		assertThat(shown).startsWith("TotpEnrollment").doesNotContain(SECRET_KEY).doesNotContain("qr-image-4711");
	}

	@Test
	void noSignInSecretIsAnywhereWhenTheServerEchoesEveryOneOfThem() {
		stubTheServer();
		List<String> shown = new ArrayList<>();
		List<ILoggingEvent> lines = captureLogs(() -> {
			this.runner.run((context) -> {
				AuthClient auth = context.getBean(AuthClient.class);
				BlockingAuthClient blockingAuth = context.getBean(BlockingAuthClient.class);
				UsersClient users = context.getBean(UsersClient.class);

				TotpEnrollment enrollment = auth.enableTotp("enrolled").block(Duration.ofSeconds(10));
				assertThat(enrollment.secretKey()).isEqualTo(SECRET_KEY);
				shown.add(enrollment.toString());
				shown.add(String.valueOf(blockingAuth.enableTotp("enrolled")));

				for (Mono<?> call : List.of(auth.enableTotp("refused"), auth.verifyTotp("refused", CODE),
						auth.verifyTotp("rejected", CODE), auth.verifyTotp("unavailable", CODE),
						auth.verifyTotp("enrolled", CODE), auth.redeemMagicLink(MAGIC_TOKEN),
						auth.enableTotp("broken-qr"), auth.enableTotp("broken-key"), auth.enableTotp("malformed"),
						users.get("refused"))) {
					call.checkpoint().checkpoint("sign-in call").onErrorResume((error) -> {
						shown.addAll(described(error));
						return Mono.empty();
					}).block(Duration.ofSeconds(10));
				}
				for (Supplier<?> call : List.<Supplier<?>>of(() -> blockingAuth.enableTotp("refused"),
						() -> blockingAuth.verifyTotp("refused", CODE),
						() -> blockingAuth.verifyTotp("unavailable", CODE),
						() -> blockingAuth.redeemMagicLink(MAGIC_TOKEN), () -> blockingAuth.enableTotp("broken-qr"))) {
					try {
						shown.add(String.valueOf(call.get()));
					}
					catch (RuntimeException ex) {
						shown.addAll(described(ex));
					}
				}
				shown.add(auth.toString());
				shown.add(blockingAuth.toString());
				shown.add(users.toString());
				shown.add(String.valueOf(context.getBean(LagrelloHealthIndicator.class)
					.health(true)
					.block(Duration.ofSeconds(10))
					.getDetails()));
				shown.add(JsonMapper.shared()
					.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)));
				shown.add(JsonMapper.shared()
					.writeValueAsString(
							context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
				shown.addAll(metrics(context.getBean(MeterRegistry.class)));
				shown.addAll(context.getBean(ObservationsSeen.class).shown);
			});
		});
		lines.forEach((event) -> {
			shown.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				shown.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
		});
		assertThat(shown).as("everything the application shows")
			.anyMatch((text) -> text.contains("lagrello.client.operations"))
			.anyMatch((text) -> text.contains("http.client.requests"))
			.anyMatch((text) -> text.contains("/v1/users/{userId}/totp"))
			.anyMatch((text) -> text.contains("REJECTED"));
		assertThat(lines).as("log lines").isNotEmpty();
		for (String secret : SECRETS) {
			assertThat(shown).as("where %s shows", secret).noneMatch((text) -> text != null && text.contains(secret));
		}
	}

	/**
	 * A server that echoes back what it was sent: the access token and the call's own
	 * code or magic-link token (the query value {@code payload}) in every error body and
	 * in headers; the enrolment's secret key and {@code qrImage} link in answers the
	 * client cannot decode.
	 */
	private static void stubTheServer() {
		api.stubFor(any(anyUrl()).willReturn(echoing(503)));
		api.stubFor(post(urlPathEqualTo("/v1/users/enrolled/totp"))
			.willReturn(okJson("{\"secretKey\":\"" + SECRET_KEY + "\",\"qrImage\":\"" + QR_IMAGE + "\"}")));
		api.stubFor(post(urlPathEqualTo("/v1/users/broken-qr/totp")).willReturn(okJson("{\"secretKey\":\"" + SECRET_KEY
				+ "\",\"qrImage\":\"https://qr.example.com/not a link qr-image-4711.png\"}")));
		api.stubFor(post(urlPathEqualTo("/v1/users/broken-key/totp"))
			.willReturn(okJson("{\"secretKey\":{\"value\":\"" + SECRET_KEY + "\"},\"qrImage\":\"" + QR_IMAGE + "\"}")));
		api.stubFor(post(urlPathEqualTo("/v1/users/malformed/totp")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"secretKey\":" + SECRET_KEY + ",\"qrImage\":\"" + QR_IMAGE + "\"}")));
		api.stubFor(post(urlPathEqualTo("/v1/users/refused/totp")).willReturn(echoing(400)));
		api.stubFor(get(urlPathEqualTo("/v1/users/refused/totp")).willReturn(echoing(400)));
		api.stubFor(get(urlPathEqualTo("/v1/users/rejected/totp")).willReturn(echoing(401)));
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).willReturn(echoing(400)));
		api.stubFor(get(urlPathEqualTo("/v1/users/refused")).willReturn(echoing(403)));
	}

	/**
	 * An answer echoing the access token and the call's {@code payload} in its body and
	 * headers.
	 */
	private static ResponseDefinitionBuilder echoing(int status) {
		String sent = "{{request.query.payload}} {{request.headers.Authorization}} " + ACCESS_TOKEN;
		return aResponse().withStatus(status)
			.withTransformers("response-template")
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-{{request.query.payload}}-" + ACCESS_TOKEN)
			.withHeader("Location", "https://example.com/?payload={{request.query.payload}}")
			.withHeader("WWW-Authenticate", "Bearer " + ACCESS_TOKEN)
			.withBody("{\"errorType\":\"{{request.query.payload}}\",\"message\":\"refused " + sent + "\"}");
	}

	private static List<String> described(Throwable error) {
		StringWriter trace = new StringWriter();
		error.printStackTrace(new PrintWriter(trace));
		return List.of(String.valueOf(error.getMessage()), error.toString(), trace.toString());
	}

	/**
	 * What the metrics endpoint shows: every meter's name and tags.
	 */
	private static List<String> metrics(MeterRegistry registry) {
		MetricsEndpoint endpoint = new MetricsEndpoint(registry);
		List<String> shown = new ArrayList<>();
		for (String name : endpoint.listNames().getNames()) {
			shown.add(JsonMapper.shared().writeValueAsString(endpoint.metric(name, null)));
		}
		for (Meter meter : registry.getMeters()) {
			shown.add(meter.getId().getName() + " "
					+ meter.getId().getTags().stream().map((tag) -> tag.getKey() + "=" + tag.getValue()).toList());
		}
		return shown;
	}

	/**
	 * Runs the application with the captured loggers at {@code TRACE}, their lines kept
	 * in a list only (the console would drown the build's output).
	 */
	private static List<ILoggingEvent> captureLogs(Runnable application) {
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
		root.detachAppender(console);
		root.addAppender(appender);
		List<Level> levels = new ArrayList<>();
		for (String name : CAPTURED_LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			levels.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		try {
			application.run();
		}
		finally {
			for (int i = 0; i < CAPTURED_LOGGERS.size(); i++) {
				((Logger) LoggerFactory.getLogger(CAPTURED_LOGGERS.get(i))).setLevel(levels.get(i));
			}
			root.detachAppender(appender);
			root.addAppender(console);
		}
		return appender.list;
	}

	/**
	 * Keeps every observation's name, contextual name and key values (low and high
	 * cardinality) as it stops.
	 */
	static class ObservationsSeen implements ObservationHandler<Observation.Context> {

		final List<String> shown = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.shown.add(context.getName() + " " + context.getContextualName() + " "
					+ context.getLowCardinalityKeyValues() + " " + context.getHighCardinalityKeyValues());
		}

		@Override
		public void onError(Observation.Context context) {
			this.shown.add(String.valueOf(context.getError()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
