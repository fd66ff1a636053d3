package com.lagrello.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP codes, magic-link tokens, TOTP secret keys and {@code qrImage} links are secrets
 * like the access token: while a server echoes them back in its error answers, none of
 * them appears in a line logged at TRACE by the client's own loggers or Spring's
 * {@code WebClient} and HTTP loggers (the {@code HTTP GET <url>} line of WebClient's
 * exchange function included), in an exception's text, stack trace or checkpoints, in a
 * {@code toString()}, or in an observation's key values ({@code http.url} included).
 */
class SignInSecretsTests {

	private static final String CODE = "731902";

	private static final String TOKEN = "mlt-5c1d7e0a9b8f4e2d";

	private static final String SECRET_KEY = "KRUGS4ZANFZSAYJAONSWG4TFOQ";

	private static final String QR_IMAGE = "https://api.lagrello.com/v1/images/totp?secret=" + SECRET_KEY;

	// the key of an API token, which the path of its delete carries
	private static final String TOKEN_KEY = "tok-key-0a1b2c3d4e5f6789";

	private static final List<String> SECRETS = List.of(CODE, TOKEN, SECRET_KEY, QR_IMAGE, TOKEN_KEY,
			TestClients.ACCESS_TOKEN);

	// what the client's own code, WebClient and Spring's HTTP codecs log, at every level
	private static final List<String> LOGGERS = List.of("com.lagrello",
			"org.springframework.web.reactive.function.client", "org.springframework.http");

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final List<Level> levelsBefore = new ArrayList<>();

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private LagrelloClient lagrello;

	@BeforeEach
	void captureLogsAtTraceAndObservations() {
		this.logged.start();
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.levelsBefore.add(logger.getLevel());
			logger.setLevel(Level.TRACE);
			logger.addAppender(this.logged);
		}
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new KeyValues(this.observed));
		this.lagrello = TestClients.lagrello(api)
			.webClientBuilder(WebClient.builder().observationRegistry(registry))
			.clientConnector(UnmaskingConnector.defaultConnector())
			.observationRegistry(registry)
			.build();
	}

	@AfterEach
	void restoreLogs() {
		for (int i = 0; i < LOGGERS.size(); i++) {
			Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS.get(i));
			logger.detachAppender(this.logged);
			logger.setLevel(this.levelsBefore.get(i));
		}
		this.lagrello.close();
	}

	/**
	 * Answers with the API's error body and request id echoing the secret the request
	 * carried, raw and percent-encoded, and the access token.
	 */
	private static ResponseDefinitionBuilder echoing(int status, String secret) {
		String encoded = UriUtils.encode(secret, StandardCharsets.UTF_8);
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req " + secret)
			.withBody("{\"errorType\":\"ECHO " + secret + "\",\"message\":\"payload " + secret + " or " + encoded
					+ " bearer " + TestClients.ACCESS_TOKEN + "\"}");
	}

	private static Throwable failure(Mono<?> call) {
		try {
			call.block(Duration.ofSeconds(10));
		}
		catch (Throwable failure) {
			return failure;
		}
		throw new AssertionError("the call did not fail");
	}

	private static void assertNoSecretIn(Throwable failure) {
		StringWriter printed = new StringWriter();
		failure.printStackTrace(new PrintWriter(printed));
		assertNoSecretIn(List.of(printed.toString(), failure.toString(), String.valueOf(failure.getMessage())));
		for (Throwable cause = failure.getCause(); cause != null
				&& cause != cause.getCause(); cause = cause.getCause()) {
			assertNoSecretIn(List.of(cause.toString()));
		}
	}

	private static void assertNoSecretIn(List<String> texts) {
		assertThat(texts).allSatisfy((text) -> assertThat(text).doesNotContain(SECRETS));
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
	void aVerifyTheServerRefusesEchoingTheCodeShowsItNowhere() {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).willReturn(echoing(403, CODE)));

		Throwable failure = failure(this.lagrello.auth().verifyTotp("u-1", CODE));

		assertThat(failure).isInstanceOf(LagrelloApiException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
		// Spring leaves the query out of its request line unless request details are
		// logged, which the client turns off
		assertThat(loggedLines())
			.anySatisfy((line) -> assertThat(line).contains("HTTP GET ").contains("/v1/users/u-1/totp"));
		assertThat(this.observed).contains("http.url=" + api.baseUrl() + "/v1/users/u-1/totp?payload=****");
		// the request did carry the code
		api.verify(getRequestedFor(urlPathEqualTo("/v1/users/u-1/totp")).withQueryParam("payload", equalTo(CODE)));
	}

	@Test
	void aVerifyRetriedUntilItGaveUpShowsTheCodeNowhere() {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp"))
			.willReturn(echoing(429, CODE).withHeader("Retry-After", "0")));

		Throwable failure = failure(this.lagrello.auth().verifyTotp("u-1", CODE));

		assertThat(failure).isInstanceOf(LagrelloApiException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
	}

	@Test
	void aVerifyWhoseConnectionWasResetShowsTheCodeNowhere() {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		Throwable failure = failure(this.lagrello.auth().verifyTotp("u-1", CODE));

		assertThat(failure).isInstanceOf(LagrelloTransportException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
	}

	@Test
	void aRedeemTheServerRefusesEchoingTheTokenShowsItNowhere() {
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).willReturn(echoing(500, TOKEN)));

		Throwable failure = failure(this.lagrello.auth().redeemMagicLink(TOKEN));

		assertThat(failure).isInstanceOf(LagrelloApiException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
	}

	@Test
	void aTokenDeleteTheServerRefusesEchoingTheKeyShowsItNowhere() {
		api.stubFor(delete(urlEqualTo("/v1/tokens/" + TOKEN_KEY)).willReturn(echoing(403, TOKEN_KEY)));

		Throwable failure = failure(this.lagrello.tokens().delete(TOKEN_KEY));

		assertThat(failure).isInstanceOf(LagrelloApiException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
		assertThat(loggedLines())
			.anySatisfy((line) -> assertThat(line).contains("HTTP DELETE ").contains("/v1/tokens/****6789"));
	}

	@Test
	void aWrongTokenAndAWrongCodeShowThemNowhere() {
		api.stubFor(get(urlPathEqualTo("/v1/users/email")).willReturn(echoing(401, TOKEN)));
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).willReturn(echoing(401, CODE)));

		assertThat(this.lagrello.auth().redeemMagicLink(TOKEN).blockOptional(Duration.ofSeconds(10))).isEmpty();
		assertThat(this.lagrello.auth().verifyTotp("u-1", CODE).blockOptional(Duration.ofSeconds(10))).isEmpty();

		assertNothingLoggedOrObservedShowsASecret();
	}

	@Test
	void anEnrollmentShowsItsSecretKeyAndQrImageNowhereButInItsAccessors() {
		api.stubFor(post(urlEqualTo("/v1/users/u-1/totp"))
			.willReturn(okJson("{\"secretKey\":\"" + SECRET_KEY + "\",\"qrImage\":\"" + QR_IMAGE + "\"}")));

		TotpEnrollment enrollment = this.lagrello.auth().enableTotp("u-1").block(Duration.ofSeconds(10));

		assertThat(enrollment.secretKey()).isEqualTo(SECRET_KEY);
		assertThat(enrollment.qrImage()).hasToString(QR_IMAGE);
		assertNoSecretIn(List.of(enrollment.toString()));
		assertNothingLoggedOrObservedShowsASecret();
	}

	@Test
	void anEnrollmentWhoseQrImageIsNoUrlShowsTheSecretKeyNowhere() {
		// a link the client cannot read as a URI (a space in it), the secret key in it
		api.stubFor(post(urlEqualTo("/v1/users/u-1/totp"))
			.willReturn(okJson("{\"secretKey\":\"" + SECRET_KEY + "\",\"qrImage\":\"" + QR_IMAGE + " x\"}")));

		Throwable failure = failure(this.lagrello.auth().enableTotp("u-1"));

		assertThat(failure).isInstanceOf(LagrelloDecodingException.class);
		assertNoSecretIn(failure);
		assertNothingLoggedOrObservedShowsASecret();
	}

	private void assertNothingLoggedOrObservedShowsASecret() {
		List<String> lines = loggedLines();
		// WebClient's exchange function logs each request line at DEBUG: masked
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("HTTP "));
		assertThat(lines).allSatisfy((line) -> assertThat(line).doesNotContain(SECRETS));
		assertThat(this.observed).isNotEmpty().allSatisfy((value) -> assertThat(value).doesNotContain(SECRETS));
	}

	/**
	 * Every key value of every observation, as its handlers see it on start and stop.
	 */
	private record KeyValues(List<String> values) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			record(context);
		}

		@Override
		public void onStop(Observation.Context context) {
			record(context);
		}

		private void record(Observation.Context context) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				this.values.add(keyValue.getKey() + "=" + keyValue.getValue());
			}
			this.values.add(String.valueOf(context.getContextualName()));
			if (context.getError() != null) {
				this.values.add(context.getError().toString());
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
