package com.lagrello.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import com.lagrello.client.TokenList;
import com.sun.management.OperatingSystemMXBean;
import reactor.core.publisher.Mono;

/**
 * Keeps exactly {@code concurrency} page requests in flight for a while: each of that
 * many workers sends its next request when its previous one completes, until the time is
 * up. Requests in flight at the deadline are awaited and counted.
 */
public final class ClosedLoop {

	private ClosedLoop() {
	}

	/**
	 * Runs the loop and checks that every page had the expected number of tokens.
	 * @param call fetches the page of the given number
	 * @param concurrency the requests in flight
	 * @param duration how long to send new requests
	 * @param pageCount page numbers cycle from 0 to this, exclusive
	 * @param pageSize the tokens every page must have
	 * @return what was done, and how fast
	 */
	public static Outcome run(IntFunction<Mono<TokenList>> call, int concurrency, Duration duration, int pageCount,
			int pageSize) {
		Loop loop = new Loop(call, concurrency, System.nanoTime() + duration.toNanos(), pageCount, pageSize);
		long cpuStart = processCpuNanos();
		long start = System.nanoTime();
		for (int i = 0; i < concurrency; i++) {
			loop.next();
		}
		loop.await();
		long elapsed = System.nanoTime() - start;
		long cpu = processCpuNanos() - cpuStart;
		return new Outcome(loop.operations.sum(), loop.tokens.sum(), elapsed, cpu);
	}

	/**
	 * Returns the CPU time of this process so far, server and client together.
	 * @return nanoseconds, or -1 if the JVM does not tell
	 */
	static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/**
	 * What a closed loop did.
	 *
	 * @param operations the requests completed
	 * @param tokens the tokens received
	 * @param nanos the time taken, from the first request to the last answer
	 * @param cpuNanos the CPU time the whole process (client and server) used meanwhile
	 */
	public record Outcome(long operations, long tokens, long nanos, long cpuNanos) {

		/**
		 * Returns the process CPU time per completed request, server included.
		 * @return microseconds per request
		 */
		public double cpuMicrosPerOperation() {
			return this.cpuNanos / 1e3 / this.operations;
		}

		/**
		 * Returns the completed requests per second.
		 * @return the throughput
		 */
		public double perSecond() {
			return this.operations * 1e9 / this.nanos;
		}

	}

	private static final class Loop {

		private final IntFunction<Mono<TokenList>> call;

		private final long deadline;

		private final int pageCount;

		private final int pageSize;

		private final CountDownLatch done;

		private final AtomicInteger sequence = new AtomicInteger();

		private final LongAdder operations = new LongAdder();

		private final LongAdder tokens = new LongAdder();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		Loop(IntFunction<Mono<TokenList>> call, int concurrency, long deadline, int pageCount, int pageSize) {
			this.call = call;
			this.deadline = deadline;
			this.pageCount = pageCount;
			this.pageSize = pageSize;
			this.done = new CountDownLatch(concurrency);
		}

		void next() {
			if (System.nanoTime() >= this.deadline || this.failure.get() != null) {
				this.done.countDown();
				return;
			}
			int page = Math.floorMod(this.sequence.getAndIncrement(), this.pageCount);
			// the answer arrives later on an event loop: this recursion does not grow the
			// stack
			this.call.apply(page).subscribe(this::received, this::failed, this::next);
		}

		private void received(TokenList page) {
			if (page.data().size() != this.pageSize) {
				// next() ends this worker when the request completes
				this.failure.compareAndSet(null, new IllegalStateException(
						"a page had " + page.data().size() + " tokens instead of " + this.pageSize));
			}
			this.operations.increment();
			this.tokens.add(page.data().size());
		}

		private void failed(Throwable ex) {
			this.failure.compareAndSet(null, ex);
			this.done.countDown();
		}

		void await() {
			try {
				if (!this.done.await(5, TimeUnit.MINUTES)) {
					throw new IllegalStateException("requests still in flight after 5 minutes");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Throwable ex = this.failure.get();
			if (ex != null) {
				throw new IllegalStateException("a request failed: " + ex, ex);
			}
		}

	}

}
