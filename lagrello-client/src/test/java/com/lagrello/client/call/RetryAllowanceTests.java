package com.lagrello.client.call;

import java.time.Duration;

import com.lagrello.client.LagrelloInvalidArgumentException;
import com.lagrello.client.RetryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The account behind a {@link RetryBudget}, on Reactor's virtual clock.
 */
class RetryAllowanceTests {

	private VirtualTimeScheduler clock;

	@BeforeEach
	void virtualTime() {
		this.clock = VirtualTimeScheduler.getOrSet();
	}

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private static int retriesAllowed(RetryAllowance allowance) {
		int allowed = 0;
		while (allowed < 10_000 && allowance.tryRetry()) {
			allowed++;
		}
		return allowed;
	}

	@Test
	void withoutCallsOnlyTheFloorMayRetry() {
		assertThat(retriesAllowed(new RetryAllowance(RetryBudget.of(20, 3, Duration.ofSeconds(10))))).isEqualTo(3);
	}

	@Test
	void callsAddTheirShareToTheFloor() {
		RetryAllowance allowance = new RetryAllowance(RetryBudget.of(20, 3, Duration.ofSeconds(10)));
		for (int i = 0; i < 100; i++) {
			allowance.recordCall();
		}
		assertThat(retriesAllowed(allowance)).isEqualTo(3 + 20);
	}

	@Test
	void spentRetriesComeBackOnceTheyLeaveTheWindow() {
		RetryAllowance allowance = new RetryAllowance(RetryBudget.of(0, 5, Duration.ofSeconds(10)));
		assertThat(retriesAllowed(allowance)).isEqualTo(5);
		this.clock.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(retriesAllowed(allowance)).isZero();
		this.clock.advanceTimeBy(Duration.ofSeconds(6));
		assertThat(retriesAllowed(allowance)).isEqualTo(5);
	}

	@Test
	void callsOlderThanTheWindowNoLongerCount() {
		RetryAllowance allowance = new RetryAllowance(RetryBudget.of(100, 0, Duration.ofSeconds(10)));
		for (int i = 0; i < 50; i++) {
			allowance.recordCall();
		}
		this.clock.advanceTimeBy(Duration.ofSeconds(11));
		assertThat(retriesAllowed(allowance)).isZero();
	}

	@Test
	void anUnlimitedBudgetAlwaysAllows() {
		assertThat(retriesAllowed(new RetryAllowance(RetryBudget.UNLIMITED))).isEqualTo(10_000);
	}

	@Test
	void absurdBudgetsAreRefused() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(-1, 0, Duration.ofSeconds(10)));
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(1001, 0, Duration.ofSeconds(10)));
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(20, -1, Duration.ofSeconds(10)));
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(20, 10, Duration.ofMillis(999)));
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(20, 10, Duration.ofDays(2)));
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> RetryBudget.of(20, 10, null));
	}

	@Test
	void theDefaultIsTwentyPercentOfTenSecondsPlusTen() {
		assertThat(RetryBudget.DEFAULT).isEqualTo(RetryBudget.of(20, 10, Duration.ofSeconds(10)));
		assertThat(RetryBudget.DEFAULT.isLimited()).isTrue();
		assertThat(RetryBudget.UNLIMITED.isLimited()).isFalse();
	}

}
