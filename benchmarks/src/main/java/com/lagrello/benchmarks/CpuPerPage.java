package com.lagrello.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.lagrello.benchmarks.Contender.Kind;

/**
 * The CPU time the client's event loops spend per page of a drain, for each
 * {@link Contender}, in one JVM: the drains of the contenders interleave round after
 * round (their order rotating), so that a shared machine's noise falls on all of them,
 * and only reactor-netty's client event loops ({@code reactor-http-*}) are counted, not
 * the {@link PageServer}'s own loops or the waiting main thread. Throughput hides a
 * client that burns more CPU on a machine with cores to spare; this does not.
 */
final class CpuPerPage {

	private static final int PAGE_SIZE = 20;

	private static final String CLIENT_LOOPS = "reactor-http-";

	// unrecorded rounds first: the TokensClient, with the most code to compile, was still
	// about 40 % above its steady CPU per page in the first recorded round after two
	private static final int WARM_UP_ROUNDS = 8;

	private CpuPerPage() {
	}

	/**
	 * Runs the rounds and prints the median CPU per page of each contender, and its ratio
	 * to the plain {@code WebClient}'s.
	 * @param rounds measured rounds, after {@value #WARM_UP_ROUNDS} unrecorded ones
	 * @param pages pages per drain
	 * @param drains drains of each contender per round
	 * @param out where the table goes
	 */
	static void run(int rounds, int pages, int drains, PrintStream out) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Kind, List<Double>> micros = new EnumMap<>(Kind.class);
		Kind[] kinds = Kind.values();
		try (PageServer server = new PageServer(pages, PAGE_SIZE, 0)) {
			Map<Kind, Contender> contenders = new EnumMap<>(Kind.class);
			for (Kind kind : kinds) {
				contenders.put(kind, Contender.of(kind, server.baseUrl()));
				micros.put(kind, new ArrayList<>());
			}
			for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
				for (int i = 0; i < kinds.length; i++) {
					Kind kind = kinds[Math.floorMod(i + round, kinds.length)];
					long before = clientLoopCpu(threads);
					for (int drain = 0; drain < drains; drain++) {
						contenders.get(kind).drain(PAGE_SIZE).count().block(Duration.ofMinutes(1));
					}
					double perPage = (clientLoopCpu(threads) - before) / 1000.0 / ((double) drains * pages);
					if (round >= 0) {
						micros.get(kind).add(perPage);
					}
				}
			}
			contenders.values().forEach(Contender::close);
		}
		double plain = median(micros.get(Kind.webClient));
		out.printf(
				"| Client | client event-loop CPU per page, median of %d rounds (µs) | range | vs plain WebClient |%n",
				rounds);
		out.println("|---|---:|---:|---:|");
		for (Kind kind : kinds) {
			List<Double> values = micros.get(kind);
			out.printf("| %s | %.1f | %.1f – %.1f | %.2f |%n", kind, median(values),
					values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
					values.stream().mapToDouble(Double::doubleValue).max().orElse(0), median(values) / plain);
		}
	}

	private static long clientLoopCpu(ThreadMXBean threads) {
		long nanos = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith(CLIENT_LOOPS)) {
				long cpu = threads.getThreadCpuTime(thread.getThreadId());
				nanos += Math.max(cpu, 0);
			}
		}
		return nanos;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
