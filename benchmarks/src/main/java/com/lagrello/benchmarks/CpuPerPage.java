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
 * The CPU time the client's event loops spend per page of a drain, and the drains a
 * second, for each {@link Contender}, in one JVM: the drains of the contenders interleave
 * round after round (their order rotating), so that a shared machine's noise falls on all
 * of them, and only reactor-netty's client event loops ({@code reactor-http-*}) are
 * counted, not the {@link PageServer}'s own loops or the waiting main thread. Throughput
 * hides a client that burns more CPU on a machine with cores to spare; this does not. The
 * drain rate of the same rounds is the sequential drain side by side in one JVM: unlike
 * JMH's forks, one after the other, a slow phase of the machine falls on every contender.
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
	 * Runs the rounds and prints, for each contender, the median CPU per page and the
	 * median drain rate, each with its ratio to the plain {@code WebClient}'s.
	 * @param rounds measured rounds, after {@value #WARM_UP_ROUNDS} unrecorded ones
	 * @param pages pages per drain
	 * @param drains drains of each contender per round
	 * @param out where the tables go
	 */
	static void run(int rounds, int pages, int drains, PrintStream out) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<Kind, List<Double>> micros = new EnumMap<>(Kind.class);
		Map<Kind, List<Double>> rates = new EnumMap<>(Kind.class);
		Kind[] kinds = Kind.values();
		try (PageServer server = new PageServer(pages, PAGE_SIZE, 0)) {
			Map<Kind, Contender> contenders = new EnumMap<>(Kind.class);
			for (Kind kind : kinds) {
				contenders.put(kind, Contender.of(kind, server.baseUrl()));
				micros.put(kind, new ArrayList<>());
				rates.put(kind, new ArrayList<>());
			}
			for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
				for (int i = 0; i < kinds.length; i++) {
					Kind kind = kinds[Math.floorMod(i + round, kinds.length)];
					long cpuBefore = clientLoopCpu(threads);
					long start = System.nanoTime();
					for (int drain = 0; drain < drains; drain++) {
						contenders.get(kind).drain(PAGE_SIZE).count().block(Duration.ofMinutes(1));
					}
					double seconds = (System.nanoTime() - start) / 1e9;
					double perPage = (clientLoopCpu(threads) - cpuBefore) / 1000.0 / ((double) drains * pages);
					if (round >= 0) {
						micros.get(kind).add(perPage);
						rates.get(kind).add(drains / seconds);
					}
				}
			}
			contenders.values().forEach(Contender::close);
		}
		table("client event-loop CPU per page, median of " + rounds + " rounds (µs)", "%.1f", micros, out);
		out.println();
		table("drains a second, median of " + rounds + " rounds", "%.2f", rates, out);
	}

	private static void table(String measure, String format, Map<Kind, List<Double>> values, PrintStream out) {
		List<Double> plainRounds = values.get(Kind.webClient);
		double plain = median(plainRounds);
		out.printf("| Client | %s | range | vs plain WebClient | median of the rounds' ratios |%n", measure);
		out.println("|---|---:|---:|---:|---:|");
		values.forEach((kind, rounds) -> out.printf(
				"| %s | " + format + " | " + format + " – " + format + " | %.2f | %.2f |%n", kind, median(rounds),
				rounds.stream().mapToDouble(Double::doubleValue).min().orElse(0),
				rounds.stream().mapToDouble(Double::doubleValue).max().orElse(0), median(rounds) / plain,
				median(ratios(rounds, plainRounds))));
	}

	/**
	 * Each round's ratio to the plain {@code WebClient}'s round: the contenders of a
	 * round run one right after the other, so a slow phase of the machine falls on both.
	 */
	private static List<Double> ratios(List<Double> values, List<Double> plain) {
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < values.size(); round++) {
			ratios.add(values.get(round) / plain.get(round));
		}
		return ratios;
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
