package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * What JMH does not measure, in fresh JVMs, and the summary of JMH's JSON results:
 * <ul>
 * <li>{@code startup [runs]}: start-up of {@link StartupApplication} with and without the
 * Lagrello auto-configurations, alternately, median of fresh JVMs each;</li>
 * <li>{@code heap [pages] [link length]}: a drain with {@code listAll(20)} in a JVM with
 * {@code -Xmx64m}, whose {@code next} links are long, that must complete;</li>
 * <li>{@code latency [runs] [pages] [tokens]}: {@link LatencyScenarios}, drains and bulk
 * deletes against answers 20 ms late;</li>
 * <li>{@code cpu [rounds] [pages] [drains]}: {@link CpuPerPage}, the client event loops'
 * CPU time per page of a drain and the drains a second, each contender's drains
 * interleaved in one JVM;</li>
 * <li>{@code totp-blocking [callers] [warm-ups] [runs]}: {@link BlockingTotpCallers}, the
 * blocking {@code verifyTotp} from many callers at once;</li>
 * <li>{@code summarize <jmh json>...}: a table of JMH's figures of every round, and the
 * ratios of the {@code TokensClient} to a plain {@code WebClient} per round.</li>
 * </ul>
 */
public final class Harness {

	private static final String DRAINED = "DRAINED ";

	private Harness() {
	}

	/**
	 * Runs one of the scenarios.
	 * @param args the scenario and its arguments
	 * @throws IOException if a result file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		PrintStream out = System.out;
		switch (args[0]) {
			case "startup" -> startup((args.length > 1) ? Integer.parseInt(args[1]) : 5, out);
			case "heap" -> heap((args.length > 1) ? Integer.parseInt(args[1]) : 10_000,
					(args.length > 2) ? Integer.parseInt(args[2]) : 8192, out);
			case "heap-child" -> heapChild(URI.create(args[1]), Integer.parseInt(args[2]));
			case "summarize" -> out.print(summarize(Arrays.stream(args).skip(1).map(Path::of).toList()));
			case "latency" -> LatencyScenarios.run((args.length > 1) ? Integer.parseInt(args[1]) : 3,
					(args.length > 2) ? Integer.parseInt(args[2]) : 500,
					(args.length > 3) ? Integer.parseInt(args[3]) : 1000, out);
			case "cpu" -> CpuPerPage.run((args.length > 1) ? Integer.parseInt(args[1]) : 7,
					(args.length > 2) ? Integer.parseInt(args[2]) : 250,
					(args.length > 3) ? Integer.parseInt(args[3]) : 20, out);
			case "totp-blocking" -> BlockingTotpCallers.run((args.length > 1) ? Integer.parseInt(args[1]) : 200,
					(args.length > 2) ? Integer.parseInt(args[2]) : 20,
					(args.length > 3) ? Integer.parseInt(args[3]) : 9, out);
			default -> throw new IllegalArgumentException(
					"startup, heap, latency, cpu, totp-blocking or summarize, not " + args[0]);
		}
	}

	/**
	 * Starts the application in fresh JVMs, alternately with and without Lagrello, after
	 * one unrecorded pair that warms the file system cache.
	 * @param runs the JVMs of each kind
	 * @param out where to report
	 * @return the medians in ms, with and without, from JVM start to context ready
	 */
	public static double[] startup(int runs, PrintStream out) {
		List<Double> with = new ArrayList<>();
		List<Double> without = new ArrayList<>();
		for (int run = -1; run < runs; run++) {
			for (boolean lagrello : (run % 2 == 0) ? new boolean[] { true, false } : new boolean[] { false, true }) {
				String line = fork(StartupApplication.PREFIX, List.of(), StartupApplication.class,
						lagrello ? "with" : "without");
				String[] parts = line.split(" ");
				if (Boolean.parseBoolean(parts[1]) != lagrello) {
					throw new IllegalStateException(
							"TokensClient present: " + parts[1] + ", with Lagrello: " + lagrello);
				}
				if (run >= 0) {
					(lagrello ? with : without).add(Double.parseDouble(parts[0]));
				}
			}
		}
		double[] medians = { median(with), median(without) };
		out.printf(Locale.ROOT,
				"start-up, JVM start to context ready, median of %d fresh JVMs each: "
						+ "with Lagrello %.0f ms %s, without %.0f ms %s, difference %+.0f ms%n",
				runs, medians[0], with, medians[1], without, medians[0] - medians[1]);
		return medians;
	}

	/**
	 * Drains a server of long-linked pages from a JVM with {@code -Xmx64m}.
	 * @param pages the server's pages of 20 tokens
	 * @param linkLength the length the padding adds to every {@code next} link
	 * @param out where to report
	 * @return the tokens drained, the time in ms, the peak heap and the old generation's
	 * peak in bytes
	 */
	public static long[] heap(int pages, int linkLength, PrintStream out) {
		try (PageServer server = new PageServer(pages, 20, linkLength)) {
			String line = fork(DRAINED, List.of("-Xmx64m"), Harness.class, "heap-child", server.baseUrl().toString(),
					Integer.toString(pages));
			long[] result = Arrays.stream(line.split(" ")).mapToLong(Long::parseLong).toArray();
			if (result[0] != server.tokenCount() || server.requests() != pages) {
				throw new IllegalStateException("drained " + result[0] + " tokens with " + server.requests()
						+ " requests from " + pages + " pages");
			}
			out.printf(Locale.ROOT,
					"-Xmx64m drain of %,d tokens (%,d pages, next links of %,d characters): "
							+ "completed in %,d ms, peak heap %.1f MB (old generation %.1f MB)%n",
					result[0], pages, linkLength, result[1], result[2] / 1048576.0, result[3] / 1048576.0);
			return result;
		}
	}

	private static void heapChild(URI baseUrl, int pages) {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long start = System.nanoTime();
		try (WebClientTokensClient client = TokensClient.builder()
			.baseUrl(baseUrl)
			.accessToken(PageServer.ACCESS_TOKEN)
			.webClientBuilder(WebClient.builder())
			.maxPages(pages)
			.build()) {
			Long tokens = client.listAll(20).count().block(Duration.ofMinutes(3));
			long millis = (System.nanoTime() - start) / 1_000_000;
			// every heap pool's own peak, added up: an upper bound of the heap in use at
			// any one time
			long peak = 0;
			long oldPeak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
					oldPeak += pool.getName().contains("Old") ? pool.getPeakUsage().getUsed() : 0;
				}
			}
			System.out.println(DRAINED + tokens + " " + millis + " " + peak + " " + oldPeak);
		}
		System.exit(0);
	}

	/**
	 * Runs a main class of this module in a fresh JVM on the same class path and returns
	 * the rest of its first output line that starts with the prefix.
	 */
	private static String fork(String prefix, List<String> jvmOptions, Class<?> main, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(Arrays.asList(arguments));
		try {
			Path output = Files.createTempFile("lagrello-bench", ".out");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				boolean exited = process.waitFor(3, TimeUnit.MINUTES);
				if (!exited) {
					process.destroyForcibly().waitFor();
				}
				String text = Files.readString(output);
				return text.lines()
					.filter((line) -> exited && process.exitValue() == 0 && line.startsWith(prefix))
					.map((line) -> line.substring(prefix.length()))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							command + " failed (exit " + process.exitValue() + "):\n" + text));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Summarizes JMH JSON result files, one per round: every benchmark's median score and
	 * range over the rounds, its allocation per operation ({@code -prof gc}), and per
	 * benchmark the median of the rounds' ratios to the plain {@code WebClient}.
	 * @param rounds the result files
	 * @return a Markdown table
	 */
	public static String summarize(List<Path> rounds) {
		JsonMapper mapper = JsonMapper.builder().build();
		// benchmark -> client -> one score (and one B/op) per round
		Map<String, Map<String, List<double[]>>> scores = new TreeMap<>();
		for (Path round : rounds) {
			for (JsonNode result : mapper.readTree(round)) {
				String benchmark = result.path("benchmark").asString().replaceAll(".*\\.", "");
				double alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(-1);
				scores.computeIfAbsent(benchmark, (key) -> new TreeMap<>())
					.computeIfAbsent(result.path("params").path("client").asString(), (key) -> new ArrayList<>())
					.add(new double[] { result.path("primaryMetric").path("score").asDouble(), alloc });
			}
		}
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
				"| Benchmark | Client | Rounds | ops/s, median | range | B/op | vs plain WebClient, median (range) |%n"
						+ "|---|---|---:|---:|---:|---:|---:|%n"));
		scores.forEach((benchmark, clients) -> clients.forEach((client, runs) -> {
			List<Double> ops = runs.stream().map((run) -> run[0]).toList();
			List<Double> ratios = new ArrayList<>();
			List<double[]> baseline = clients.getOrDefault(Contender.Kind.webClient.name(), List.of());
			for (int i = 0; i < Math.min(runs.size(), baseline.size()); i++) {
				ratios.add(runs.get(i)[0] / baseline.get(i)[0]);
			}
			table.append(String.format(Locale.ROOT, "| %s | %s | %d | %,.1f | %,.1f – %,.1f | %,.0f | %s |%n",
					benchmark, client, runs.size(), median(ops), min(ops), max(ops),
					median(runs.stream().map((run) -> run[1]).toList()), ratios.isEmpty() ? "-" : String
						.format(Locale.ROOT, "%.2f (%.2f – %.2f)", median(ratios), min(ratios), max(ratios))));
		}));
		return table.toString();
	}

	private static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return (n == 0) ? Double.NaN : (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
