package com.lagrello.sample.mvc.readme;

import java.time.Duration;

import com.lagrello.client.Token;
import com.lagrello.test.AutoConfigureFakeLagrello;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import com.lagrello.test.RecordedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's test of {@link TokenService}, as it is printed there. Nothing resets the
 * fake here: {@link AutoConfigureFakeLagrello} does before each test, so the tests pass
 * in any order ({@link TokenServiceTestsInAnyOrderTests}).
 */
@SpringBootTest(classes = TokenServiceTests.Application.class)
// README:test
@AutoConfigureFakeLagrello(seedTokens = 3) // no lagrello.* property needed
class TokenServiceTests {

	@Autowired
	TokenService service;

	@Autowired
	FakeLagrelloServer lagrello; // a stateful fake on a real local socket

	@Test
	void createsACiTokenWhenRateLimitedOnce() {
		lagrello.failNext(HttpMethod.POST, 1, FakeFault.status(429).retryAfter(Duration.ofSeconds(1)));
		assertThat(service.createCiToken().tokenName()).isEqualTo("ci");
		assertThat(lagrello.requests()).extracting(RecordedRequest::method).containsExactly("POST", "POST");
	}

	@Test
	void revokesATokenWhoseDeleteAnswerWasLost() {
		Token ci = lagrello.addToken("ci-1");
		// deleted, then the answer is lost: the client retries, and its 404 means done
		lagrello.failNext(HttpMethod.DELETE, 1, FakeFault.responseLost());
		service.revoke(ci.tokenKey());
		assertThat(lagrello.token(ci.tokenKey())).isEmpty();
	}
	// README:end

	@Test
	void listsTheNamesOfEveryToken() {
		assertThat(this.service.tokenNames()).containsExactly(FakeLagrelloServer.ADMIN_TOKEN_NAME, "token-1", "token-2",
				"token-3");
	}

	@Test
	void revokesTheCiTokensOnly() {
		this.lagrello.addToken("ci-1");
		this.lagrello.addToken("ci-2");
		assertThat(this.service.revokeCiTokens().deleted()).extracting(Token::tokenName)
			.containsExactly("ci-1", "ci-2");
		assertThat(this.service.tokenNames()).hasSize(4);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(TokenService.class)
	static class Application {

	}

}
