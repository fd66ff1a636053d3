package com.lagrello.benchmarks;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A Reactor {@link Scheduler} for timeouts on one Netty {@link HashedWheelTimer}: adding
 * or cancelling a task only queues it, and one timer thread ticks every 10 ms, whatever
 * the number of tasks. Reactor's parallel scheduler, a
 * {@code ScheduledThreadPoolExecutor}, instead wakes one of its threads whenever a new
 * task becomes the earliest, which a per-request timeout does on every request when
 * requests are sequential.
 * <p>
 * The benchmarks use it to show what the {@code TokensClient}'s per-request
 * {@code timeout(readTimeout)} costs; it is the prototype of the proposed fix. Tasks run
 * on the timer thread and may fire up to one tick late.
 */
public final class WheelTimerScheduler implements Scheduler {

	private final HashedWheelTimer timer;

	/**
	 * Creates a scheduler with its own timer thread, a daemon.
	 */
	public WheelTimerScheduler() {
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "wheel-timer");
			thread.setDaemon(true);
			return thread;
		};
		this.timer = new HashedWheelTimer(threads, 10, TimeUnit.MILLISECONDS, 512);
	}

	@Override
	public Disposable schedule(Runnable task) {
		return schedule(task, 0, TimeUnit.NANOSECONDS);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		Timeout timeout = this.timer.newTimeout((expired) -> task.run(), delay, unit);
		return new Disposable() {

			@Override
			public void dispose() {
				timeout.cancel();
			}

			@Override
			public boolean isDisposed() {
				return timeout.isCancelled() || timeout.isExpired();
			}

		};
	}

	@Override
	public Worker createWorker() {
		Disposable.Composite tasks = Disposables.composite();
		return new Worker() {

			@Override
			public Disposable schedule(Runnable task) {
				return schedule(task, 0, TimeUnit.NANOSECONDS);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				Disposable scheduled = WheelTimerScheduler.this.schedule(task, delay, unit);
				tasks.add(scheduled);
				return scheduled;
			}

			@Override
			public void dispose() {
				tasks.dispose();
			}

			@Override
			public boolean isDisposed() {
				return tasks.isDisposed();
			}

		};
	}

	@Override
	public void dispose() {
		this.timer.stop();
	}

}
