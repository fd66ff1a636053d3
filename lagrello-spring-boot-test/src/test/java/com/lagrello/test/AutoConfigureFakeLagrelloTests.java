package com.lagrello.test;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureFakeLagrello} on a {@link SpringBootTest} without any
 * {@code lagrello.*} property.
 */
@SpringBootTest
@AutoConfigureFakeLagrello(seedTokens = 3)
class AutoConfigureFakeLagrelloTests {

	@Autowired
	private TokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	void injectedTokensClientWorksWithoutAnyLagrelloProperty(@Autowired Environment environment) {
		assertThat(environment.containsProperty("lagrello.base-url")).isFalse();
		assertThat(environment.containsProperty("lagrello.access-token")).isFalse();
		StepVerifier.create(this.tokens.create(CreateTokenRequest.of("from-spring", Permission.WRITE)))
			.assertNext((token) -> assertThat(token.permissions()).containsExactly(Permission.READ, Permission.WRITE))
			.verifyComplete();
		StepVerifier.create(this.tokens.listAll()).expectNextCount(5).verifyComplete();
	}

	@Test
	void fakeServerBeanShowsTheRequestsOfTheInjectedClient() {
		StepVerifier.create(this.tokens.listPage(0, 2)).expectNextCount(1).verifyComplete();
		assertThat(this.lagrello.requests()).singleElement().satisfies((request) -> {
			assertThat(request.uri()).isEqualTo("/v1/tokens?page=0&size=2");
			assertThat(request.authorization()).isEqualTo("Bearer " + this.lagrello.adminToken());
		});
	}

	@Test
	void connectionDetailsPointAtTheRunningFake(@Autowired LagrelloConnectionDetails connectionDetails) {
		assertThat(this.lagrello.isRunning()).isTrue();
		assertThat(connectionDetails.getBaseUrl()).isEqualTo(this.lagrello.baseUrl());
		assertThat(connectionDetails.getAccessToken()).isEqualTo(this.lagrello.adminToken());
		assertThat(connectionDetails.toString()).doesNotContain(this.lagrello.adminToken());
	}

	@Test
	void fakeHoldsTheSeededTokens() {
		assertThat(this.lagrello.tokens()).hasSize(4);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
