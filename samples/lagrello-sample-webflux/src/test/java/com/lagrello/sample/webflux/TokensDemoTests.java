package com.lagrello.sample.webflux;

import com.lagrello.client.Token;
import com.lagrello.test.AutoConfigureFakeLagrello;
import com.lagrello.test.FakeLagrelloServer;
import com.lagrello.test.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up demo, which {@code sample.demo=true} turns on. It runs before the context
 * is handed to the test: the fake holds the admin token and 5 tokens, the demo adds 3.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo=true")
// the demo ran as the context started: keep what it left on the fake
@AutoConfigureFakeLagrello(seedTokens = 5, resetBeforeEachTest = false)
class TokensDemoTests {

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	void demoCreatesListsAcrossPagesDeletesAndReportsHealthUp(CapturedOutput output) {
		assertThat(output).contains("Created token 'demo-ci' with [READ, WRITE]")
			.contains("Created token 'demo-ops' with [READ, WRITE, ADMIN]")
			.contains("Listed token 'demo-ops'")
			.contains("Listed 9 tokens with listAll(), which followed paging.next across 5 pages")
			.contains("Deleted token 'demo-dashboard'")
			.contains("Health is UP; its lagrello component is UP")
			.contains("Demo done");
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName)
			.contains("demo-ci", "demo-ops")
			.doesNotContain("demo-dashboard");
		assertThat(this.lagrello.requests()).extracting(RecordedRequest::uri).contains("/v1/tokens?page=4&size=2");
	}

	@Test
	void demoNeverLogsTheAccessToken(CapturedOutput output) {
		assertThat(output).contains("Demo done").doesNotContain(this.lagrello.adminToken());
	}

}
