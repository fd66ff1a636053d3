package com.lagrello.test;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Runs an application of one's own against a {@link FakeLagrelloServer}, the way Spring
 * Boot runs an application locally with test configuration, so that trying it never needs
 * a real tenant. In {@code src/test/java}: <pre class="code">
 * public class TestMyApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(MyApplication::main).with(FakeLagrelloConfiguration.class).run(args);
 *     }
 *
 * }
 * </pre> then run that class from the IDE, or {@code ./mvnw spring-boot:test-run}. The
 * server is a bean (named {@code fakeLagrelloServer}), started with the context and
 * closed with it; a {@link FakeLagrelloConnectionDetails} bean (primary) points the
 * auto-configured client at it with its admin token, in place of
 * {@code lagrello.base-url} and {@code lagrello.access-token}, even where those are set.
 * It holds the admin token only: inject the server to add tokens. In a
 * {@code @SpringBootTest}, use {@link AutoConfigureFakeLagrello} instead, which also
 * resets the server between tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeLagrelloConfiguration {

	private static final Log logger = LogFactory.getLog(FakeLagrelloConfiguration.class);

	/**
	 * The fake Lagrello API, started on a free port of {@code 127.0.0.1}.
	 * @return the running server
	 */
	@Bean(name = FakeLagrelloContextCustomizer.SERVER_BEAN_NAME, destroyMethod = "close")
	public FakeLagrelloServer fakeLagrelloServer() {
		FakeLagrelloServer server = FakeLagrelloServer.builder().start();
		logger.info("The Lagrello client uses a fake Lagrello API at " + server.baseUrl()
				+ " (FakeLagrelloConfiguration): nothing is sent to a real tenant");
		return server;
	}

	/**
	 * Connection details of the fake, which win over any others.
	 * @param fakeLagrelloServer the fake
	 * @return its origin and admin token
	 */
	@Bean(FakeLagrelloContextCustomizer.CONNECTION_DETAILS_BEAN_NAME)
	@Primary
	public FakeLagrelloConnectionDetails fakeLagrelloConnectionDetails(FakeLagrelloServer fakeLagrelloServer) {
		return new FakeLagrelloConnectionDetails(fakeLagrelloServer);
	}

}
