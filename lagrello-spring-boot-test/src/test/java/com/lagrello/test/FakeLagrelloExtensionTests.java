package com.lagrello.test;

import com.lagrello.client.CreateTokenRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeLagrelloExtension} registered declaratively.
 */
@ExtendWith(FakeLagrelloExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeLagrelloExtensionTests {

	private static FakeLagrelloServer serverOfTheClass;

	@BeforeAll
	static void rememberTheServer(FakeLagrelloServer server) {
		serverOfTheClass = server;
	}

	@Test
	@Order(1)
	void injectsARunningServer(FakeLagrelloServer server) {
		assertThat(server.isRunning()).isTrue();
		StepVerifier.create(server.tokensClient().listAll()).expectNextCount(1).verifyComplete();
	}

	@Test
	@Order(2)
	void sharesOneServerAcrossTheTestsOfAClass(FakeLagrelloServer server) {
		assertThat(server).isSameAs(serverOfTheClass);
		StepVerifier.create(server.tokensClient().create(CreateTokenRequest.of("left-behind")))
			.expectNextCount(1)
			.verifyComplete();
	}

	@Test
	@Order(3)
	void startsEachTestFromTheInitialTokensWithNoRecordedRequests(FakeLagrelloServer server) {
		assertThat(server.tokens()).hasSize(1);
		assertThat(server.requests()).isEmpty();
	}

}
