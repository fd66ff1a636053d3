package com.lagrello.test;

import java.time.Duration;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.LagrelloApiException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Faults planned on the server of {@link AutoConfigureFakeLagrello}: they reach the
 * injected client and end with the test that planned them.
 */
@SpringBootTest(properties = "lagrello.retry.max-attempts=1")
@AutoConfigureFakeLagrello
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureFakeLagrelloFaultTests {

	@Autowired
	private BlockingTokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	@Order(1)
	void plannedFaultReachesTheInjectedClient() {
		this.lagrello.failNext(5, FakeFault.status(503).retryAfter(Duration.ofSeconds(1)));
		assertThatExceptionOfType(LagrelloApiException.class).isThrownBy(() -> this.tokens.listPage(0, 5))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
	}

	@Test
	@Order(2)
	void faultsLeftByAnEarlierTestAreGone() {
		assertThat(this.tokens.listPage(0, 5).data()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
