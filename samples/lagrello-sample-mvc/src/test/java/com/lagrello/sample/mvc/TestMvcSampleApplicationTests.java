package com.lagrello.sample.mvc;

import java.util.List;

import com.lagrello.test.FakeLagrelloServer;
import com.lagrello.test.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestMvcSampleApplication} serves the tokens of one fake Lagrello API, with or
 * without a real API configured.
 */
class TestMvcSampleApplicationTests {

	@ParameterizedTest
	@ValueSource(strings = { "--sample.nothing-configured=true", "--lagrello.access-token=a-real-token-0123456789" })
	void servesTheTokensOfTheFake(String configuration) {
		try (ConfigurableApplicationContext context = TestMvcSampleApplication.application()
			.run("--server.port=0", configuration)
			.getApplicationContext()) {
			assertThat(context.getBeansOfType(FakeLagrelloServer.class)).as("one fake").hasSize(1);
			FakeLagrelloServer fake = context.getBean(FakeLagrelloServer.class);
			fake.addToken("tried-locally");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestTestClient.bindToServer()
				.baseUrl("http://localhost:" + port)
				.build()
				.get()
				.uri("/tokens")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[*].tokenName")
				.isEqualTo(List.of(FakeLagrelloServer.ADMIN_TOKEN_NAME, "tried-locally"));
			assertThat(fake.requests()).extracting(RecordedRequest::method).containsOnly("GET");
		}
	}

}
