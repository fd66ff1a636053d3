package com.lagrello.test;

import java.time.Duration;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Under {@link AutoConfigureFakeLagrello} the retry budget is off: in a cached context an
 * outage test would otherwise spend it and make the next test's single 503 fail "not
 * retried". The window is a minute so that the result does not depend on the machine's
 * speed.
 */
@SpringBootTest(properties = { "lagrello.retry.initial-backoff=1ms", "lagrello.retry.max-backoff=2ms",
		"lagrello.retry.budget.window=1m" })
@AutoConfigureFakeLagrello
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetryBudgetUnderTheFakeTests {

	@Autowired
	private TokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	@Order(1)
	void anOutageSpendsEveryRetry() {
		this.lagrello.failNext(HttpMethod.GET, 100, FakeFault.status(503));
		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(LagrelloApiException.class)
				.isThrownBy(() -> this.tokens.listPage(0, 5).block(Duration.ofSeconds(10)));
		}
	}

	@Test
	@Order(2)
	void oneTransient503IsRetriedAway() {
		this.lagrello.failNext(HttpMethod.GET, 1, FakeFault.status(503));
		assertThat(this.tokens.listPage(0, 5).block(Duration.ofSeconds(10)).data()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
