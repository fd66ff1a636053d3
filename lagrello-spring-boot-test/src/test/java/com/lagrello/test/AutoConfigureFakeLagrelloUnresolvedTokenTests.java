package com.lagrello.test;

import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFakeLagrello} in an application whose
 * {@code application.properties} takes the access token from an environment variable, as
 * the README's installation says, on a machine (a developer's, CI) where that variable is
 * not set: the fake replaces the token, so the test starts.
 */
@SpringBootTest(properties = "lagrello.access-token=${LAGRELLO_ACCESS_TOKEN_NOBODY_SETS_4711}")
@AutoConfigureFakeLagrello
class AutoConfigureFakeLagrelloUnresolvedTokenTests {

	@Autowired
	private TokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	void anAccessTokenPropertyNothingResolvesIsReplacedByTheFakesToken() {
		StepVerifier.create(this.tokens.listPage(0, 1)).expectNextCount(1).verifyComplete();
		assertThat(this.lagrello.requests()).singleElement()
			.satisfies(
					(request) -> assertThat(request.authorization()).isEqualTo("Bearer " + this.lagrello.adminToken()));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
