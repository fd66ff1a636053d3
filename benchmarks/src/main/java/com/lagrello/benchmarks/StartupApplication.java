package com.lagrello.benchmarks;

import java.lang.management.ManagementFactory;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.autoconfigure.health.LagrelloHealthContributorAutoConfiguration;
import com.lagrello.client.TokensClient;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A minimal Spring Boot application without a web server, on the starter's class path.
 * Run in a fresh JVM with {@code with} or {@code without} (the Lagrello
 * auto-configurations excluded), it prints
 * {@code STARTUP <JVM uptime in ms when the context is ready> <TokensClient present>}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StartupApplication {

	/** The prefix of the result line. */
	public static final String PREFIX = "STARTUP ";

	/**
	 * Starts the application, reports and stops.
	 * @param args {@code with} or {@code without}
	 */
	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = builder(!"without".equals(args[0])).run()) {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			boolean client = context.getBeanNamesForType(TokensClient.class).length > 0;
			System.out.println(PREFIX + uptime + " " + client);
		}
		System.exit(0);
	}

	/**
	 * Returns the application's builder.
	 * @param withLagrello whether to keep the Lagrello auto-configurations
	 * @return the builder
	 */
	public static SpringApplicationBuilder builder(boolean withLagrello) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(StartupApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("lagrello.access-token=" + PageServer.ACCESS_TOKEN, "lagrello.base-url=http://127.0.0.1:9",
					"spring.main.register-shutdown-hook=false");
		if (!withLagrello) {
			builder.properties("spring.autoconfigure.exclude=" + LagrelloAutoConfiguration.class.getName() + ","
					+ LagrelloHealthContributorAutoConfiguration.class.getName());
		}
		return builder;
	}

}
