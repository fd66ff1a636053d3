package com.lagrello.test;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.Token;
import com.lagrello.client.User;
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
 * tokens, no users or magic links, its tenant as it was made and no recorded requests,
 * before the test's {@code @BeforeEach} methods, so that tests of a cached context pass
 * in any order.
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
		this.lagrello.addUser("from-before-each", "before@example.com");
	}

	@Test
	@Order(1)
	void firstTestChangesTheFake() {
		this.tokens.delete(this.lagrello.tokens().get(1).tokenKey());
		this.lagrello.addToken("left-behind");
		this.lagrello.addUser("left-behind", "left@example.com");
		RawHttp http = new RawHttp(this.lagrello.baseUrl());
		String admin = RawHttp.bearer(this.lagrello.adminToken());
		assertThat(http.send("POST", "/v1/users/from-before-each/email", admin, null).status()).isEqualTo(204);
		assertThat(http.send("PATCH", "/v1/tenant", admin, "{\"callbackUrl\":\"https://app.example.com/{}\"}").status())
			.isEqualTo(200);
		assertThat(this.lagrello.requests()).hasSize(3);
	}

	@Test
	@Order(2)
	void nextTestStartsFromTheInitialTokensAndWhatItsBeforeEachAdded() {
		assertThat(this.lagrello.tokens()).extracting(Token::tokenName)
			.containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "token-1", "token-2", "from-before-each");
		assertThat(this.tokens.listPage(0, 20).data()).hasSize(4);
		assertThat(this.lagrello.requests()).hasSize(1);
		assertThat(this.lagrello.users()).extracting(User::userId).containsExactly("from-before-each");
		assertThat(this.lagrello.magicLinks("from-before-each")).isEmpty();
		assertThat(this.lagrello.tenant().callbackUrl()).isEqualTo("http://localhost/login/ott?token={}");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
