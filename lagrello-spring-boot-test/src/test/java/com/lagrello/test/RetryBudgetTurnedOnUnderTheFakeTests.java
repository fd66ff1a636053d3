package com.lagrello.test;

import com.lagrello.autoconfigure.LagrelloProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test that sets {@code lagrello.retry.budget.enabled} wins over the fake's default.
 */
@SpringBootTest(properties = "lagrello.retry.budget.enabled=true")
@AutoConfigureFakeLagrello
class RetryBudgetTurnedOnUnderTheFakeTests {

	@Test
	void theTestsOwnSettingWins(@Autowired LagrelloProperties properties) {
		assertThat(properties.getRetry().getBudget().isEnabled()).isTrue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
