package com.lagrello.client.call;

import java.time.Duration;

import com.lagrello.client.RetryBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link RetryAllowance} whose clock goes back (a new virtual clock in the next test,
 * or the real clock then a virtual one) forgets what it counted "in the future": the
 * budget refills rather than staying spent until that time comes round.
 */
class RetryAllowanceClockTests {

	private static final long SECOND = 1_000_000_000L;

	@AfterEach
	void realTime() {
		VirtualTimeScheduler.reset();
	}

	private static int retriesAllowed(RetryAllowance allowance) {
		int allowed = 0;
		while (allowed < 100 && allowance.tryRetry()) {
			allowed++;
		}
		return allowed;
	}

	@Test
	void aSecondVirtualClockStartsWithTheWholeFloor() {
		// one test on virtual time spends the floor 30 s in (slot 0) ...
		VirtualTimeScheduler first = VirtualTimeScheduler.getOrSet();
		RetryAllowance allowance = new RetryAllowance(RetryBudget.of(0, 2, Duration.ofSeconds(10)));
		first.advanceTimeBy(Duration.ofSeconds(30));
		assertThat(retriesAllowed(allowance)).isEqualTo(2);
		VirtualTimeScheduler.reset();

		// ... the next test's clock starts at 0: 15 s in (slot 5) nothing was spent
		// within the last 10 s of any clock, yet the floor stays spent until 40 s
		VirtualTimeScheduler second = VirtualTimeScheduler.getOrSet();
		second.advanceTimeBy(Duration.ofSeconds(15));
		assertThat(retriesAllowed(allowance)).isEqualTo(2);
	}

	@Test
	void aVirtualClockAfterTheRealOneStartsWithTheWholeFloor() {
		// a client used on the real clock (System.nanoTime: time since boot)
		RetryAllowance allowance = new RetryAllowance(RetryBudget.of(0, 2, Duration.ofSeconds(10)));
		long before = Math.floorMod(Math.floorDiv(ReactorClock.now(), SECOND), 10);
		assertThat(retriesAllowed(allowance)).isEqualTo(2);
		long after = Math.floorMod(Math.floorDiv(ReactorClock.now(), SECOND), 10);

		// then by a test on virtual time, a minute in, in a slot the real spending did
		// not use (so that the slot is not simply overwritten)
		VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
		long second = 60;
		while (second % 10 == before || second % 10 == after) {
			second++;
		}
		clock.advanceTimeBy(Duration.ofSeconds(second));
		assertThat(retriesAllowed(allowance)).isEqualTo(2);
	}

}
