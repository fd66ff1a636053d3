package com.lagrello.client;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler of attempt timeouts: a timer fires, a cancelled one does not and lets go
 * of its task at once, and one still waiting when its client is closed keeps its time on
 * the parallel scheduler.
 */
class TimeoutWheelTests {

	@Test
	void timerFires() {
		TimeoutWheel wheel = new TimeoutWheel();
		AtomicBoolean fired = new AtomicBoolean();
		wheel.schedule(() -> fired.set(true), 50, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(5)).untilTrue(fired);
		wheel.dispose();
	}

	@Test
	void timerWaitingWhenClosedStillFires() {
		TimeoutWheel wheel = new TimeoutWheel();
		AtomicBoolean fired = new AtomicBoolean();
		wheel.schedule(() -> fired.set(true), 300, TimeUnit.MILLISECONDS);
		wheel.dispose();
		assertThat(wheel.isDisposed()).isTrue();
		await().atMost(Duration.ofSeconds(5)).untilTrue(fired);
	}

	@Test
	void timerArmedAfterCloseFires() {
		TimeoutWheel wheel = new TimeoutWheel();
		wheel.dispose();
		AtomicBoolean fired = new AtomicBoolean();
		wheel.schedule(() -> fired.set(true), 50, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(5)).untilTrue(fired);
	}

	@Test
	void cancelledTimerNeverFires() {
		TimeoutWheel wheel = new TimeoutWheel();
		AtomicBoolean cancelledFired = new AtomicBoolean();
		AtomicBoolean laterFired = new AtomicBoolean();
		wheel.schedule(() -> cancelledFired.set(true), 50, TimeUnit.MILLISECONDS).dispose();
		wheel.schedule(() -> laterFired.set(true), 250, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(5)).untilTrue(laterFired);
		assertThat(cancelledFired).isFalse();
		wheel.dispose();
	}

	@Test
	void cancelledTimerLetsGoOfItsTaskAtOnce() {
		// an attempt's timeout task holds the whole attempt; the wheel keeps a cancelled
		// timer until its next tick, which must not keep the attempt alive meanwhile
		TimeoutWheel wheel = new TimeoutWheel();
		AtomicBoolean fired = new AtomicBoolean();
		Runnable task = () -> fired.set(true);
		WeakReference<Runnable> scheduled = new WeakReference<>(task);
		Disposable timer = wheel.schedule(task, 10, TimeUnit.MINUTES);
		task = null;

		timer.dispose();
		System.gc();

		assertThat(scheduled.get()).isNull();
		wheel.dispose();
	}

}
