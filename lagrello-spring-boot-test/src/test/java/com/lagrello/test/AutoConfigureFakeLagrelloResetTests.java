package com.lagrello.test;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.Token;
import org.junit.jupiter.api.BeforeEach;
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
 * The server of {@link AutoConfigureFakeLagrello} starts each test from its initial
 * tokens with no recorded requests, before the test's {@code @BeforeEach} methods, so
 * that tests of a cached context pass in any order.
 */
@SpringBootTest
@AutoConfigureFakeLagrello(seedTokens = 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeLagrelloResetTests {

	@Autowired
	private BlockingTokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@BeforeEach
	void seedWhatEveryTestNeeds() {
		this.lagrello.addToken("from-before-each");
	}

	@Test
	@Order(1)
	void firstTestChangesTheFake() {
		this.tokens.delete(this.lagrello.tokens().get(1).tokenKey());
		this.lagrello.addToken("left-behind");
		assertThat(this.lagrello.requests()).hasSize(1);
	}

	@Test
	@Order(2)
	void nextTestStartsFromTheInitialTokensAndWhatItsBeforeEachAdded() {
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName)
			.containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "token-1", "token-2", "from-before-each");
		assertThat(this.tokens.listPage(0, 20).data()).hasSize(4);
		assertThat(this.lagrello.requests()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
