package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token stays out of logs, messages and actuator output.
 */
class AccessTokenSecrecyTests {

	private static final String TOKEN = "very-secret-access-token-4711";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("lagrello.base-url=" + api.baseUrl(), "lagrello.access-token=" + TOKEN,
				"lagrello.retry.initial-backoff=1ms", "lagrello.retry.max-backoff=2ms",
				"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
				"management.endpoints.jmx.exposure.include=env,configprops", "spring.jmx.enabled=true");

	@Test
	void configpropsEndpointMasksTheAccessTokenEvenWhenShowingValues() {
		this.runner.run((context) -> {
			Object report = context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties();
			String json = JsonMapper.shared().writeValueAsString(report);
			assertThat(json).contains("lagrello").doesNotContain(TOKEN);
		});
	}

	@Test
	void envEndpointMasksTheAccessTokenEvenWhenShowingValues() {
		this.runner.run((context) -> {
			Object report = context.getBean(EnvironmentEndpoint.class).environment(null);
			String json = JsonMapper.shared().writeValueAsString(report);
			assertThat(json).contains("lagrello.access-token").doesNotContain(TOKEN);
		});
	}

	@Test
	void envEndpointMasksTheAccessTokenInEverySpellingRelaxedBindingAccepts() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("lagrello.access_token=" + TOKEN, "management.endpoint.env.show-values=always",
					"management.endpoints.jmx.exposure.include=env", "spring.jmx.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String json = JsonMapper.shared()
					.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(json).contains("lagrello.access_token").doesNotContain(TOKEN);
			});
	}

	@Test
	void envAndConfigpropsMaskTheProxyCredentials() {
		String user = "proxy-user-4711";
		String password = "proxy-password-4711";
		this.runner
			.withPropertyValues("lagrello.proxy.host=127.0.0.1", "lagrello.proxy.port=3128",
					"lagrello.proxy.username=" + user, "lagrello.proxy.password=" + password)
			.withSystemProperties("sun.java.command=com.example.App --lagrello.proxy.password=" + password)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String env = JsonMapper.shared()
					.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				String configprops = JsonMapper.shared()
					.writeValueAsString(
							context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(env).contains("lagrello.proxy.username").doesNotContain(user).doesNotContain(password);
				assertThat(configprops).contains("proxy").doesNotContain(user).doesNotContain(password);
				assertThat(context.getBean(LagrelloProperties.class).getProxy().toString()).doesNotContain(user)
					.doesNotContain(password);
			});
	}

	@Test
	void envAndConfigpropsMaskTheProxyCredentialsWhereverTheyComeFrom() {
		String user = "proxy-user-4711";
		String password = "proxy-password-4711";
		// PROXY_USER stands for the environment variable of the docs' own example
		this.runner
			.withPropertyValues("lagrello.proxy.host=127.0.0.1", "lagrello.proxy.port=3128", "PROXY_USER=" + user,
					"PROXY_PASSWORD=" + password, "lagrello.proxy.username=${PROXY_USER}",
					"lagrello.proxy.password=${PROXY_PASSWORD}",
					"SPRING_APPLICATION_JSON={\"lagrello\":{\"proxy\":{\"username\":\"" + user + "\"}}}")
			.withSystemProperties("sun.java.command=com.example.App --lagrello.proxy.username=" + user
					+ " --lagrello.proxy.password=" + password)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LagrelloProperties.class).getProxy().getUsername()).isEqualTo(user);
				String env = JsonMapper.shared()
					.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				String configprops = JsonMapper.shared()
					.writeValueAsString(
							context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(env).contains("PROXY_USER")
					.contains("sun.java.command")
					.doesNotContain(user)
					.doesNotContain(password);
				assertThat(configprops).contains("proxy").doesNotContain(user).doesNotContain(password);
			});
	}

	@Test
	void theProxyCredentialsAreNowhereWhenTheServerEchoesThem() {
		String user = "proxy-user-4711";
		String password = "proxy-password-4711";
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-" + user)
			.withBody("{\"errorType\":\"" + user + "\",\"message\":\"refused " + user + ":" + password + "\"}")));
		List<String> shown = new java.util.ArrayList<>();
		// the loopback API is reached directly, the credentials are configured all the
		// same
		this.runner
			.withPropertyValues("lagrello.proxy.host=127.0.0.1", "lagrello.proxy.port=3128",
					"lagrello.proxy.username=" + user, "lagrello.proxy.password=" + password,
					"lagrello.retry.max-attempts=1")
			.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				for (Mono<?> call : List.of(client.listPage(0, 5), client.delete("abc"),
						client.create(CreateTokenRequest.of("ci")))) {
					call.onErrorResume((error) -> {
						shown.add(error.getMessage());
						shown.add(error.toString());
						return Mono.empty();
					}).block(Duration.ofSeconds(10));
				}
			});
		assertThat(shown).hasSize(6)
			.allMatch((text) -> text.contains("503"))
			.noneMatch((text) -> text.contains(user) || text.contains(password));
	}

	@Test
	void envMasksAProxyPasswordWrittenInsideJson() {
		String password = "pa\"ss\\word-4711";
		String json = "{\"lagrello\":{\"proxy\":{\"host\":\"127.0.0.1\",\"port\":3128,\"username\":\"user\","
				+ "\"password\":\"pa\\\"ss\\\\word-4711\"}}}";
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withInitializer((context) -> new SpringApplicationJsonEnvironmentPostProcessor()
				.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
			.withSystemProperties("spring.application.json=" + json)
			.withPropertyValues("lagrello.base-url=http://127.0.0.1:8080", "lagrello.access-token=" + TOKEN,
					"management.endpoint.env.show-values=always", "management.endpoints.jmx.exposure.include=env",
					"spring.jmx.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LagrelloProperties.class).getProxy().getPassword()).isEqualTo(password);
				String env = JsonMapper.shared()
					.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				assertThat(env).contains("spring.application.json").doesNotContain("word-4711");
			});
	}

	@Test
	void noLogLineOfTheClientContainsTheAccessTokenAtAnyLevel() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"UNAVAILABLE\",\"message\":\"try later\"}")));
		Logger logger = (Logger) LoggerFactory.getLogger("com.lagrello");
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.TRACE);
		try {
			this.runner.run((context) -> {
				TokensClient client = context.getBean(TokensClient.class);
				client.listPage(0, 5).onErrorResume((error) -> Mono.empty()).block(Duration.ofSeconds(10));
				client.delete("abc").onErrorResume((error) -> Mono.empty()).block(Duration.ofSeconds(10));
				client.create(CreateTokenRequest.of("ci"))
					.onErrorResume((error) -> Mono.empty())
					.block(Duration.ofSeconds(10));
			});
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
		List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).isNotEmpty().noneMatch((line) -> line.contains(TOKEN));
	}

	@Test
	void theTokenIsNowhereWhenTheServerEchoesItInEveryFieldItCan() {
		api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-" + TOKEN)
			.withBody("{\"errorType\":\"" + TOKEN + "\",\"message\":\"refused " + TOKEN + "\"}")));
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		Level level = root.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		// every line goes to the list only: the console would drown the build's output
		ch.qos.logback.core.Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
		root.detachAppender(console);
		root.addAppender(appender);
		root.setLevel(Level.TRACE);
		List<String> shown = new java.util.ArrayList<>();
		try {
			this.runner
				.withConfiguration(AutoConfigurations
					.of(com.lagrello.autoconfigure.health.LagrelloHealthContributorAutoConfiguration.class))
				.withSystemProperties("sun.java.command=com.example.App --lagrello.access-token=" + TOKEN)
				.withPropertyValues("spring.application.json={\"lagrello\":{\"access-token\":\"" + TOKEN + "\"}}",
						"SPRING_APPLICATION_JSON={\"lagrello\":{\"access-token\":\"" + TOKEN + "\"}}")
				.run((context) -> {
					TokensClient client = context.getBean(TokensClient.class);
					for (Mono<?> call : List.of(client.listPage(0, 5), client.delete("abc"),
							client.create(CreateTokenRequest.of("ci")), client.listAll().then())) {
						call.onErrorResume((error) -> {
							shown.add(error.getMessage());
							shown.add(error.toString());
							return Mono.empty();
						}).block(Duration.ofSeconds(10));
					}
					shown.add(JsonMapper.shared()
						.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)));
					shown.add(JsonMapper.shared()
						.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
							.configurationProperties()));
					shown.add(String.valueOf(context.getBean(com.lagrello.health.LagrelloHealthIndicator.class)
						.health(true)
						.block(Duration.ofSeconds(10))
						.getDetails()));
				});
		}
		finally {
			root.detachAppender(appender);
			root.addAppender(console);
			root.setLevel(level);
		}
		appender.list.forEach((event) -> {
			shown.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				shown.add(event.getThrowableProxy().getMessage());
			}
		});
		assertThat(shown).hasSizeGreaterThan(10).noneMatch((text) -> text != null && text.contains(TOKEN));
	}

}
