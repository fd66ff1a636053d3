package com.lagrello.benchmarks;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.lagrello.client.User;

/**
 * The blocking {@code verifyTotp} from many callers at once: every caller, a thread of
 * its own, checks one right code with the blocking client and waits for the answer, all
 * released together, and the run takes as long as the slowest. Virtual threads where the
 * JDK has them ({@code Thread.ofVirtual()}, Java 21), platform threads otherwise: the
 * module's baseline is Java 17, so the virtual thread factory is looked up reflectively
 * (a multi-release jar would need a second source tree for one call). The same callers
 * run the {@code AuthClient}'s blocking twin and a plain {@code WebClient} call blocked
 * on, alternately, so that a shared machine's noise falls on both.
 */
public final class BlockingTotpCallers {

	private static final long WAIT_SECONDS = 120;

	private BlockingTotpCallers() {
	}

	/**
	 * Runs the callers of each contender, after unrecorded warm-up runs, and prints a
	 * Markdown table.
	 * @param callers the callers at once
	 * @param warmups the unrecorded runs of each contender
	 * @param runs the measured runs of each contender
	 * @param out where to report
	 * @return the results, the {@code AuthClient}'s first
	 */
	public static List<Result> run(int callers, int warmups, int runs, PrintStream out) {
		CallerThreads threads = CallerThreads.best();
		Map<TotpContender.Kind, List<Run>> measured = new EnumMap<>(TotpContender.Kind.class);
		try (TotpServer server = new TotpServer()) {
			List<TotpContender> contenders = new ArrayList<>();
			try {
				for (TotpContender.Kind kind : TotpContender.Kind.values()) {
					contenders.add(TotpContender.of(kind, server.baseUrl()));
					measured.put(kind, new ArrayList<>());
				}
				for (int run = -warmups; run < runs; run++) {
					for (int i = 0; i < contenders.size(); i++) {
						// the order alternates from run to run
						int index = (run % 2 == 0) ? i : contenders.size() - 1 - i;
						Run result = once(contenders.get(index), callers, threads);
						if (run >= 0) {
							measured.get(TotpContender.Kind.values()[index]).add(result);
						}
					}
				}
			}
			finally {
				contenders.forEach(TotpContender::close);
			}
			List<Result> results = new ArrayList<>();
			measured.forEach((kind, all) -> results.add(Result.of(kind, threads.kind(), callers, all)));
			out.print(table(results, server));
			return results;
		}
	}

	/**
	 * Releases the callers together and waits for all of them.
	 */
	private static Run once(TotpContender contender, int callers, CallerThreads threads) {
		CountDownLatch ready = new CountDownLatch(callers);
		CountDownLatch go = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(callers);
		AtomicInteger verified = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<Throwable> firstFailure = new AtomicReference<>();
		for (int caller = 0; caller < callers; caller++) {
			threads.factory().newThread(() -> {
				try {
					ready.countDown();
					go.await();
					Optional<User> user = contender.verifyTotpBlocking(TotpServer.USER_ID, TotpServer.CODE);
					if (user.filter((found) -> TotpServer.USER_ID.equals(found.userId())).isPresent()) {
						verified.incrementAndGet();
					}
					else {
						failed.incrementAndGet();
					}
				}
				catch (Throwable ex) {
					failed.incrementAndGet();
					firstFailure.compareAndSet(null, ex);
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		try {
			await(ready);
			long start = System.nanoTime();
			go.countDown();
			await(done);
			double millis = (System.nanoTime() - start) / 1e6;
			Throwable failure = firstFailure.get();
			if (failure != null) {
				throw new IllegalStateException(failed.get() + " of " + callers + " callers failed", failure);
			}
			return new Run(verified.get(), failed.get(), millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) throws InterruptedException {
		if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
			throw new IllegalStateException("callers still waiting after " + WAIT_SECONDS + " s");
		}
	}

	private static String table(List<Result> results, TotpServer server) {
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
				"%d blocking callers at once, %s threads, Java %s: the server saw at most %d requests in flight, "
						+ "%d connections opened%n%n"
						+ "| Client | verified, every run | failed | median ms | range ms | vs plain WebClient |%n"
						+ "|---|---:|---:|---:|---:|---:|%n",
				results.get(0).callers(), results.get(0).threads(), Runtime.version().feature(), server.mostInFlight(),
				server.connectionsOpened()));
		double baseline = results.stream()
			.filter((result) -> result.client() == TotpContender.Kind.webClient)
			.mapToDouble(Result::medianMillis)
			.findFirst()
			.orElse(Double.NaN);
		for (Result result : results) {
			table.append(String.format(Locale.ROOT, "| %s | %d of %d | %d | %,.1f | %,.1f – %,.1f | %.2f |%n",
					result.client(), result.leastVerified(), result.callers(), result.failed(), result.medianMillis(),
					result.minMillis(), result.maxMillis(), baseline / result.medianMillis()));
		}
		return table.toString();
	}

	private record Run(int verified, int failed, double millis) {

	}

	/**
	 * The callers' threads.
	 *
	 * @param kind {@code virtual} or {@code platform}
	 * @param factory makes a caller's thread
	 */
	record CallerThreads(String kind, ThreadFactory factory) {

		/**
		 * Returns virtual threads when this JDK has them, daemon platform threads
		 * otherwise.
		 * @return the callers' threads
		 */
		static CallerThreads best() {
			try {
				Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
				// the builder's class is internal: call through its public interface
				Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
				return new CallerThreads("virtual", (ThreadFactory) factory.invoke(builder));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Java 17 to 20: no virtual threads, or only as a preview not enabled
				AtomicInteger count = new AtomicInteger();
				return new CallerThreads("platform", (task) -> {
					Thread thread = new Thread(task, "totp-caller-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
			}
		}

	}

	/**
	 * One contender's figures over the measured runs.
	 *
	 * @param client the contender
	 * @param threads {@code virtual} or {@code platform}
	 * @param callers the callers at once
	 * @param leastVerified the fewest callers verified in any run
	 * @param failed the callers that failed or were not verified, over all runs
	 * @param medianMillis the median time from the callers' release to the last answer
	 * @param minMillis the shortest run
	 * @param maxMillis the longest run
	 */
	public record Result(TotpContender.Kind client, String threads, int callers, int leastVerified, int failed,
			double medianMillis, double minMillis, double maxMillis) {

		static Result of(TotpContender.Kind client, String threads, int callers, List<Run> runs) {
			List<Double> millis = runs.stream().map(Run::millis).toList();
			return new Result(client, threads, callers, runs.stream().mapToInt(Run::verified).min().orElse(0),
					runs.stream().mapToInt(Run::failed).sum(), Harness.median(millis),
					millis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
					millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
		}

	}

}
