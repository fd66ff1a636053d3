package com.lagrello.client;

import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler of one client's attempt timeouts, for Reactor's
 * {@code timeout(Duration, fallback, scheduler)}: the timers wait on a Netty timer wheel
 * owned by the client that made its resources and stopped when it is closed; what fires,
 * and every task without a delay, runs on Reactor's parallel scheduler, so a caller's
 * error handling never stalls the wheel.
 * <p>
 * Kept for its figure (docs/performance.md, "Special cases"): on the parallel scheduler
 * every page of a drain arms and cancels a timer of a
 * {@code ScheduledThreadPoolExecutor}, under its lock and waking its thread, and the
 * client's event loops spent about a tenth more CPU per page; a wheel only adds the timer
 * to a bucket. Its one daemon thread starts with the first timer and ticks every 100 ms:
 * precise enough for timeouts of seconds. A timer still waiting when the client is closed
 * is moved to the parallel scheduler with the time it has left, so a call in flight keeps
 * its timeout.
 */
final class TimeoutWheel implements Scheduler {

	private static final long TICK_MILLIS = 100;

	private static final int TICKS_PER_WHEEL = 512;

	// no leak detection: a client that is never closed and never called leaves a wheel
	// that never started, nothing to release
	private final HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("lagrello-timeouts", true),
			TICK_MILLIS, TimeUnit.MILLISECONDS, TICKS_PER_WHEEL, false);

	private volatile boolean disposed;

	@Override
	public Disposable schedule(Runnable task) {
		return Schedulers.parallel().schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Timer timer = new Timer(task, System.nanoTime() + unit.toNanos(delay));
		if (!this.disposed) {
			try {
				timer.arm(this.wheel.newTimeout(timer, delay, unit));
				return timer;
			}
			catch (IllegalStateException stopped) {
				// closed meanwhile: the parallel scheduler takes it
			}
		}
		timer.moveToParallel();
		return timer;
	}

	@Override
	public Worker createWorker() {
		return Schedulers.parallel().createWorker();
	}

	@Override
	public boolean isDisposed() {
		return this.disposed;
	}

	@Override
	public void dispose() {
		this.disposed = true;
		for (Timeout waiting : this.wheel.stop()) {
			((Timer) waiting.task()).moveToParallel();
		}
	}

	/**
	 * One timer, on the wheel or, once the wheel stopped, on the parallel scheduler. A
	 * cancelled timer lets go of its task at once: the wheel keeps a cancelled timer
	 * until its next tick, and the task of an attempt's timeout holds the whole attempt
	 * (its subscribers, request and answer), which would otherwise live that long.
	 */
	private static final class Timer implements TimerTask, Disposable {

		private final long deadlineNanos;

		// null once cancelled
		private volatile @Nullable Runnable task;

		private volatile @Nullable Disposable armed;

		Timer(Runnable task, long deadlineNanos) {
			this.task = task;
			this.deadlineNanos = deadlineNanos;
		}

		void arm(Timeout timeout) {
			arm(timeout::cancel);
		}

		void moveToParallel() {
			Runnable task = this.task;
			if (task != null) {
				arm(Schedulers.parallel()
					.schedule(task, Math.max(0, this.deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
		}

		private void arm(Disposable cancel) {
			this.armed = cancel;
			// cancelled while being armed: the dispose before may have missed it
			if (this.task == null) {
				cancel.dispose();
			}
		}

		@Override
		public void run(Timeout timeout) {
			Runnable task = this.task;
			if (task != null) {
				Schedulers.parallel().schedule(task);
			}
		}

		@Override
		public void dispose() {
			this.task = null;
			Disposable cancel = this.armed;
			if (cancel != null) {
				cancel.dispose();
			}
		}

		@Override
		public boolean isDisposed() {
			return this.task == null;
		}

	}

}
