package com.lagrello.benchmarks;

import java.lang.management.ManagementFactory;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.autoconfigure.health.LagrelloHealthContributorAutoConfiguration;
import com.lagrello.client.TokensClient;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A minimal Spring Boot application, without a web server, on the starter's class path:
 * run in a fresh JVM with {@code with} or {@code without} the Lagrello auto-configuration
 * to measure what it adds to start-up, and with {@code app-web-client} as a second
 * argument to play an application that builds a {@link WebClient} of its own at start-up.
 * Prints
 * {@code STARTUP <context millis> <JVM uptime millis when ready> <TokensClient present>}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApplication {

	/** The prefix of the result line. */
	public static final String PREFIX = "STARTUP ";

	/** The auto-configurations of the starter, excluded for the run without it. */
	static final String LAGRELLO_AUTO_CONFIGURATIONS = LagrelloAutoConfiguration.class.getName() + ","
			+ LagrelloHealthContributorAutoConfiguration.class.getName();

	/**
	 * Starts the application, reports and stops.
	 * @param args {@code with} or {@code without}
	 */
	public static void main(String[] args) {
		boolean withLagrello = !(args.length > 0 && args[0].equals("without"));
		boolean appWebClient = args.length > 1 && args[1].equals("app-web-client");
		long start = System.nanoTime();
		try (ConfigurableApplicationContext context = builder(withLagrello, appWebClient).run()) {
			long contextNanos = System.nanoTime() - start;
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			boolean client = context.getBeanNamesForType(TokensClient.class).length > 0;
			System.out.println(PREFIX + (contextNanos / 1_000_000.0) + " " + uptime + " " + client);
		}
		System.exit(0);
	}

	/**
	 * Returns the application's builder, with or without the Lagrello auto-configuration.
	 * @param withLagrello whether to keep the Lagrello auto-configuration
	 * @param appWebClient whether the application builds a {@link WebClient} of its own
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder(boolean withLagrello, boolean appWebClient) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(StartupApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("lagrello.access-token=" + PageServer.ACCESS_TOKEN, "lagrello.base-url=http://127.0.0.1:9",
					"spring.main.register-shutdown-hook=false");
		if (!withLagrello) {
			builder.properties("spring.autoconfigure.exclude=" + LAGRELLO_AUTO_CONFIGURATIONS);
		}
		if (appWebClient) {
			builder.properties("bench.app-web-client=true");
		}
		return builder;
	}

	/**
	 * An application's own {@link WebClient}, built at start-up.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("bench.app-web-client")
	static class AppWebClientConfiguration {

		@Bean
		WebClient appWebClient(WebClient.Builder builder) {
			return builder.build();
		}

	}

}
