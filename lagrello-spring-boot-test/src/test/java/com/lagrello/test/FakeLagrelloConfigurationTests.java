package com.lagrello.test;

import java.util.List;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.Token;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application of one's own, run with Spring Boot's
 * {@code SpringApplication.from(...).with(FakeLagrelloConfiguration.class)}: its
 * {@code TokensClient} talks to a fake that lives and dies with the context.
 */
class FakeLagrelloConfigurationTests {

	private static final String NO_WEB_SERVER = "--spring.main.web-application-type=none";

	@Test
	void applicationRunWithTheConfigurationTalksToTheFakeWithoutAnyLagrelloProperty() {
		FakeLagrelloServer fake;
		try (ConfigurableApplicationContext context = SpringApplication.from(SomeApplication::main)
			.with(FakeLagrelloConfiguration.class)
			.run(NO_WEB_SERVER)
			.getApplicationContext()) {
			fake = context.getBean(FakeLagrelloServer.class);
			fake.addToken("tried-locally");
			List<Token> tokens = context.getBean(BlockingTokensClient.class).listPage(0, 20).data();
			assertThat(tokens).extracting(Token::tokenName)
				.containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "tried-locally");
			assertThat(fake.requests()).singleElement()
				.satisfies((request) -> assertThat(request.authorization()).isEqualTo("Bearer " + fake.adminToken()));
		}
		assertThat(fake.isRunning()).as("closed with the context").isFalse();
	}

	@Test
	void fakeTakesThePlaceOfTheConfiguredRealApi() {
		try (ConfigurableApplicationContext context = SpringApplication.from(SomeApplication::main)
			.with(FakeLagrelloConfiguration.class)
			.run(NO_WEB_SERVER, "--lagrello.base-url=https://api.lagrello.com",
					"--lagrello.access-token=a-real-token-0123456789")
			.getApplicationContext()) {
			FakeLagrelloServer fake = context.getBean(FakeLagrelloServer.class);
			assertThat(context.getBean(LagrelloConnectionDetails.class).getBaseUrl()).isEqualTo(fake.baseUrl());
			assertThat(context.getBean(BlockingTokensClient.class).listPage(0, 20).data()).hasSize(1);
			assertThat(fake.requests()).hasSize(1);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SomeApplication {

		public static void main(String[] args) {
			SpringApplication.run(SomeApplication.class, args);
		}

	}

}
