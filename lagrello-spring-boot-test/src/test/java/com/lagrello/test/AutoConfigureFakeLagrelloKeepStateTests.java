package com.lagrello.test;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.Token;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureFakeLagrello(resetBeforeEachTest = false)} keeps the tokens and
 * requests one test left for the next.
 */
@SpringBootTest
@AutoConfigureFakeLagrello(resetBeforeEachTest = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeLagrelloKeepStateTests {

	@Autowired
	private BlockingTokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	@Order(1)
	void firstTestChangesTheFake() {
		this.lagrello.reset();
		this.lagrello.addToken("kept");
		assertThat(this.tokens.listPage(0, 20).data()).hasSize(2);
	}

	@Test
	@Order(2)
	void nextTestSeesWhatTheFirstLeft() {
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName)
			.containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "kept");
		assertThat(this.lagrello.requests()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
