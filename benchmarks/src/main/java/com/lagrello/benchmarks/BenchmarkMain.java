package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmarks, prints the table of figures and ratios, and writes
 * {@code results.md} and {@code chart.png}.
 * <p>
 * Options: {@code --quick} for a short trial run,
 * {@code --only=drain,throughput,timeout,heap,slow,startup} for some scenarios,
 * {@code --out=DIR} for where to write ({@code benchmarks/results} by default, relative
 * to the working directory).
 */
public final class BenchmarkMain {

	/** Every scenario, in the order they run. */
	static final List<String> SCENARIOS = List.of("drain", "throughput", "timeout", "heap", "slow", "startup");

	private BenchmarkMain() {
	}

	/**
	 * Runs the benchmarks.
	 * @param args the options
	 * @throws IOException if the results cannot be written
	 */
	public static void main(String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		Plan plan = Plan.full();
		Path out = Report.DEFAULT_DIRECTORY;
		Set<String> only = new LinkedHashSet<>(SCENARIOS);
		String command = System.getProperty("lagrello.bench.command", "java -jar benchmarks/target/benchmarks.jar");
		for (String arg : args) {
			if (arg.equals("--quick")) {
				plan = Plan.quick();
			}
			else if (arg.startsWith("--only=")) {
				only = new LinkedHashSet<>(Arrays.asList(arg.substring("--only=".length()).split(",")));
				if (!SCENARIOS.containsAll(only)) {
					System.err.println("Unknown scenario in " + arg + "; scenarios: " + String.join(",", SCENARIOS));
					System.exit(2);
				}
			}
			else if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring("--out=".length()));
			}
			else {
				System.err.println("Unknown option " + arg + "; options: --quick, --only=" + String.join(",", SCENARIOS)
						+ ", --out=DIR");
				System.exit(2);
			}
		}
		String loadBefore = Machine.loadAverage();
		long start = System.nanoTime();
		Results results = run(plan, only, System.out);
		long elapsed = System.nanoTime() - start;
		String loadAfter = Machine.loadAverage();
		Report report = new Report(results);
		System.out.println();
		System.out.print(report.table());
		results.notes().forEach((note) -> System.out.println("Note: " + note));
		String machine = machine(loadBefore, loadAfter, elapsed);
		report.write(out, command, machine);
		System.out.println();
		System.out.println(String.format(Locale.ROOT, "Benchmarks took %.0f s; wrote %s and %s", elapsed / 1e9,
				out.resolve("results.md"), out.resolve("chart.png")));
		System.exit(0);
	}

	/**
	 * Runs the chosen scenarios of the plan.
	 * @param plan how much to run
	 * @param only the scenarios to run
	 * @param log where to report progress
	 * @return the figures
	 */
	public static Results run(Plan plan, Set<String> only, PrintStream log) {
		Results results = new Results(plan);
		Scenarios scenarios = new Scenarios(plan, results, log);
		if (only.contains("throughput") || only.contains("timeout") || only.contains("drain")
				|| only.contains("heap")) {
			try (PageServer server = PageServer.start(plan.pages(), plan.pageSize(), Duration.ZERO)) {
				log.println(String.format(Locale.ROOT, "Server %s: %,d pages of %d tokens, %.1f MB pre-rendered",
						server.baseUrl(), server.pageCount(), server.pageSize(), server.renderedBytes() / 1048576.0));
				if (only.contains("drain")) {
					// clients that have not been used yet: the drain opens its own
					// connection or two
					try (Contenders fresh = new Contenders(server.baseUrl(), PageServer.ACCESS_TOKEN)) {
						scenarios.drain(server, fresh, "drain.fresh");
					}
				}
				if (only.contains("throughput") || only.contains("timeout")) {
					try (Contenders contenders = new Contenders(server.baseUrl(), PageServer.ACCESS_TOKEN)) {
						if (only.contains("throughput")) {
							scenarios.listPageThroughput(server, contenders);
						}
						if (only.contains("timeout")) {
							scenarios.timeoutCost(server, contenders);
						}
						if (only.contains("drain") && only.contains("throughput")) {
							// the same clients, with the pool that the listPage benchmark
							// filled
							scenarios.drain(server, contenders, "drain.pooled");
						}
					}
				}
				if (only.contains("heap")) {
					scenarios.smallHeapDrain(server);
				}
			}
		}
		if (only.contains("slow")) {
			int pages = plan.slowTokens() / plan.pageSize();
			try (PageServer fast = PageServer.start(pages, plan.pageSize(), Duration.ZERO);
					Contenders fastContenders = new Contenders(fast.baseUrl(), PageServer.ACCESS_TOKEN);
					PageServer slow = PageServer.start(pages, plan.pageSize(), plan.latency());
					Contenders slowContenders = new Contenders(slow.baseUrl(), PageServer.ACCESS_TOKEN)) {
				scenarios.slowConsumer(fast, fastContenders, slow, slowContenders);
			}
			results.note("The slow consumer ran on thread " + results.fact("slow.listAll.thread")
					+ " (the HTTP client's event loop) with listAll, on " + results.fact("slow.raw.thread")
					+ " with the raw loop, and on " + results.fact("slow.publishOn.thread")
					+ " with listAll(20).publishOn(Schedulers.boundedElastic()).");
		}
		if (only.contains("startup")) {
			scenarios.startup();
		}
		return results;
	}

	private static String machine(String loadBefore, String loadAfter, long elapsed) {
		return String.format(Locale.ROOT, """
				- nproc: %d
				- CPU: %s
				- memory: %s
				- load average (1, 5, 15 min) before: %s, after: %s (the machine is shared: other builds ran \
				meanwhile, so absolute figures are noisy; ratios of interleaved rounds much less so)
				- run time: %.0f s
				- JVM of the harness: heap max %.0f MB; the -Xmx64m drain and the start-up runs fork JVMs of \
				their own

				```
				$ java -version
				%s
				```
				""", Machine.processors(), Machine.cpuModel(), Machine.memory(), loadBefore, loadAfter, elapsed / 1e9,
				Runtime.getRuntime().maxMemory() / 1048576.0, Machine.javaVersion());
	}

}
