package com.lagrello.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The benchmarks. Contenders are measured interleaved, round after round in the same JVM
 * (the order rotating every round), so that the noise of a shared machine falls on all of
 * them alike; ratios are the median of each round's ratio.
 */
public final class Scenarios {

	/** The concurrencies of the {@code listPage} benchmark. */
	static final int[] CONCURRENCIES = { 1, 64 };

	private final Plan plan;

	private final Results results;

	private final PrintStream log;

	/**
	 * Creates the benchmarks of the given plan.
	 * @param plan how much to run
	 * @param results where to record the figures
	 * @param log where to report progress
	 */
	public Scenarios(Plan plan, Results results, PrintStream log) {
		this.plan = plan;
		this.results = results;
		this.log = log;
	}

	/**
	 * {@code listPage} throughput at concurrency 1 and 64: the {@code TokensClient}, a
	 * plain {@code WebClient} call and the raw reactor-netty + Jackson limit.
	 * @param server the server
	 * @param contenders the clients
	 */
	public void listPageThroughput(PageServer server, Contenders contenders) {
		int size = server.pageSize();
		List<Contender> all = List.of(new Contender("raw", (page) -> contenders.raw().listPage(page, size)),
				new Contender("tokensClient", (page) -> contenders.tokensClient().listPage(page, size)),
				new Contender("webClient", (page) -> contenders.webClientPage(page, size)));
		for (int concurrency : new int[] { 64, 1 }) {
			for (Contender contender : all) {
				ClosedLoop.Outcome warm = ClosedLoop.run(contender.call(), concurrency, this.plan.warmup(),
						server.pageCount(), size);
				progress("listPage warm-up c=%d %s: %.0f req/s", concurrency, contender.name(), warm.perSecond());
			}
		}
		for (int round = 0; round < this.plan.throughputRounds(); round++) {
			for (int concurrency : CONCURRENCIES) {
				double[] perSecond = new double[all.size()];
				for (int i = 0; i < all.size(); i++) {
					int index = (i + round) % all.size();
					Contender contender = all.get(index);
					long wakeups = ThreadSwitches.voluntary("parallel");
					ClosedLoop.Outcome outcome = ClosedLoop.run(contender.call(), concurrency, this.plan.slice(),
							server.pageCount(), size);
					wakeups = ThreadSwitches.voluntary("parallel") - wakeups;
					perSecond[index] = outcome.perSecond();
					this.results.figure(listPage(concurrency, contender.name() + ".parallelWakeups"))
						.add((double) wakeups / outcome.operations());
					this.results.figure(listPage(concurrency, contender.name())).add(outcome.perSecond());
					this.results.figure(listPage(concurrency, contender.name() + ".cpuMicros"))
						.add(outcome.cpuMicrosPerOperation());
				}
				this.results.figure(listPage(concurrency, "ratio.tokensClient")).add(perSecond[1] / perSecond[0]);
				this.results.figure(listPage(concurrency, "ratio.webClient")).add(perSecond[2] / perSecond[0]);
				progress("listPage round %d c=%d: raw %.0f, TokensClient %.0f (%.2f), WebClient %.0f (%.2f) req/s",
						round + 1, concurrency, perSecond[0], perSecond[1], perSecond[1] / perSecond[0], perSecond[2],
						perSecond[2] / perSecond[0]);
			}
		}
	}

	/**
	 * What the {@code TokensClient}'s per-request read timeout costs at concurrency 1: a
	 * plain {@code WebClient} call alone, with Reactor's {@code timeout(30 s)} (on the
	 * parallel scheduler, as the client does) and with the same timeout on a
	 * {@link WheelTimerScheduler}, counting parallel-thread wake-ups per request.
	 * @param server the server
	 * @param contenders the clients
	 */
	public void timeoutCost(PageServer server, Contenders contenders) {
		int size = server.pageSize();
		Duration readTimeout = Duration.ofSeconds(30);
		WheelTimerScheduler wheel = new WheelTimerScheduler();
		try {
			List<Contender> all = List.of(new Contender("webClient", (page) -> contenders.webClientPage(page, size)),
					new Contender("parallelTimeout",
							(page) -> contenders.webClientPage(page, size).timeout(readTimeout)),
					new Contender("wheelTimeout",
							(page) -> contenders.webClientPage(page, size).timeout(readTimeout, wheel)));
			for (Contender contender : all) {
				ClosedLoop.run(contender.call(), 1, this.plan.warmup(), server.pageCount(), size);
			}
			for (int round = 0; round < this.plan.throughputRounds(); round++) {
				double[] perSecond = new double[all.size()];
				for (int i = 0; i < all.size(); i++) {
					int index = (i + round) % all.size();
					Contender contender = all.get(index);
					long wakeups = ThreadSwitches.voluntary("parallel");
					long eventLoopSwitches = ThreadSwitches.voluntary("reactor-http");
					ClosedLoop.Outcome outcome = ClosedLoop.run(contender.call(), 1, this.plan.slice(),
							server.pageCount(), size);
					wakeups = ThreadSwitches.voluntary("parallel") - wakeups;
					eventLoopSwitches = ThreadSwitches.voluntary("reactor-http") - eventLoopSwitches;
					perSecond[index] = outcome.perSecond();
					this.results.figure("timeout." + contender.name()).add(outcome.perSecond());
					this.results.figure("timeout." + contender.name() + ".parallelWakeups")
						.add((double) wakeups / outcome.operations());
					this.results.figure("timeout." + contender.name() + ".eventLoopSwitches")
						.add((double) eventLoopSwitches / outcome.operations());
					this.results.figure("timeout." + contender.name() + ".cpuMicros")
						.add(outcome.cpuMicrosPerOperation());
				}
				this.results.figure("timeout.ratio.parallelTimeout").add(perSecond[1] / perSecond[0]);
				this.results.figure("timeout.ratio.wheelTimeout").add(perSecond[2] / perSecond[0]);
				progress(
						"timeout round %d c=1: WebClient %.0f, + timeout (parallel) %.0f (%.2f), "
								+ "+ timeout (wheel) %.0f (%.2f) req/s",
						round + 1, perSecond[0], perSecond[1], perSecond[1] / perSecond[0], perSecond[2],
						perSecond[2] / perSecond[0]);
			}
		}
		finally {
			wheel.dispose();
		}
	}

	static String listPage(int concurrency, String what) {
		return "listPage.c" + concurrency + "." + what;
	}

	/**
	 * Draining every token of the server with {@code listAll} and with the raw sequential
	 * loop.
	 * @param server the server
	 * @param contenders the clients
	 * @param name the figures' prefix: {@code drain.fresh} for clients that have not been
	 * used yet, {@code drain.pooled} for clients whose pool the {@code listPage}
	 * benchmark filled
	 */
	public void drain(PageServer server, Contenders contenders, String name) {
		Consumer<Token> nothing = (token) -> {
		};
		for (int i = 0; i < this.plan.drainWarmups(); i++) {
			Drains.listAll(contenders.tokensClient(), server.pageSize(), nothing, server.tokenCount());
			Drains.rawLoop(contenders.raw(), server.firstPageUrl(), nothing, server.tokenCount());
			drainPublishOn(server, contenders, nothing);
		}
		for (int round = 0; round < this.plan.drainRounds(); round++) {
			long listAll;
			long raw;
			if (round % 2 == 0) {
				listAll = Drains.listAll(contenders.tokensClient(), server.pageSize(), nothing, server.tokenCount());
				raw = Drains.rawLoop(contenders.raw(), server.firstPageUrl(), nothing, server.tokenCount());
			}
			else {
				raw = Drains.rawLoop(contenders.raw(), server.firstPageUrl(), nothing, server.tokenCount());
				listAll = Drains.listAll(contenders.tokensClient(), server.pageSize(), nothing, server.tokenCount());
			}
			long publishOn = drainPublishOn(server, contenders, nothing);
			this.results.figure(name + ".publishOn.ms").add(publishOn / 1e6);
			this.results.figure(name + ".publishOn.ratio").add((double) publishOn / raw);
			this.results.figure(name + ".listAll.ms").add(listAll / 1e6);
			this.results.figure(name + ".raw.ms").add(raw / 1e6);
			this.results.figure(name + ".ratio").add((double) listAll / raw);
			progress("%s round %d: listAll %.0f ms, raw loop %.0f ms (%.2f)", name, round + 1, listAll / 1e6, raw / 1e6,
					(double) listAll / raw);
		}
	}

	private static long drainPublishOn(PageServer server, Contenders contenders, Consumer<Token> consumer) {
		return Drains.listAll(
				contenders.tokensClient().listAll(server.pageSize()).publishOn(Schedulers.boundedElastic()), consumer,
				server.tokenCount());
	}

	/**
	 * The drain again, in a JVM of its own with {@code -Xmx64m}, recording the peak heap.
	 * @param server the server, in this JVM
	 */
	public void smallHeapDrain(PageServer server) {
		Forks.Fork fork = Forks.run(List.of("-Xmx64m"), SmallHeapDrain.class, Duration.ofMinutes(3),
				server.baseUrl().toString(), Integer.toString(server.pageSize()), Long.toString(server.tokenCount()),
				Integer.toString(this.plan.smallHeapRepetitions()));
		this.results.fact("heap.exit", Integer.toString(fork.exitCode()));
		fork.lines("MAXHEAP ")
			.forEach((max) -> this.results.fact("heap.max.mb",
					String.format(Locale.ROOT, "%.0f", Long.parseLong(max) / 1048576.0)));
		List<String> drains = fork.lines(SmallHeapDrain.PREFIX);
		Set<String> seen = new HashSet<>();
		for (String line : drains) {
			String[] parts = line.split(" ");
			String who = parts[0];
			double ms = Long.parseLong(parts[1]) / 1e6;
			double peak = Long.parseLong(parts[2]) / 1048576.0;
			boolean cold = seen.add(who);
			// every drain counts for the peak, the cold one too; times only once warm
			this.results.figure("heap." + who + ".peak.mb").add(peak);
			this.results.figure("heap." + who + (cold ? ".cold.ms" : ".ms")).add(ms);
			if (!cold) {
				this.results.figure("heap." + who + ".gcs").add(Long.parseLong(parts[3]));
				this.results.figure("heap." + who + ".allocated.kb.per.page")
					.add(Long.parseLong(parts[4]) / 1024.0 / (server.pageCount()));
			}
			progress("-Xmx64m drain%s: %s %.0f ms, peak heap %.1f MB, %s collections, %.0f MB allocated",
					cold ? " (cold JVM)" : "", who, ms, peak, parts[3], Long.parseLong(parts[4]) / 1048576.0);
		}
		boolean passed = fork.exitCode() == 0 && drains.size() == 2 * (this.plan.smallHeapRepetitions() + 1);
		this.results.fact("heap.passed", Boolean.toString(passed));
		if (!passed) {
			progress("-Xmx64m drain FAILED (exit %d):%n%s", fork.exitCode(), fork.output());
			this.results.note("The -Xmx64m drain failed with exit code " + fork.exitCode() + ": "
					+ fork.output()
						.lines()
						.filter((line) -> line.contains("Error") || line.contains("Exception"))
						.findFirst()
						.orElse("see the console"));
		}
	}

	/**
	 * A slow consumer (busy work per token) draining with {@code listAll} and with the
	 * raw loop, against the pure consume time: once from a fast server, once from one
	 * that adds latency to every answer.
	 * @param fast a server without latency
	 * @param fastContenders its clients
	 * @param slow a server that adds latency
	 * @param slowContenders its clients
	 */
	public void slowConsumer(PageServer fast, Contenders fastContenders, PageServer slow, Contenders slowContenders) {
		long tokens = fast.tokenCount();
		long spin = this.plan.spinNanos();
		AtomicReference<String> listAllThread = new AtomicReference<>();
		AtomicReference<String> rawThread = new AtomicReference<>();
		AtomicReference<String> publishOnThread = new AtomicReference<>();
		Consumer<Token> work = (token) -> Drains.busySpin(spin);
		List<Run> runs = List.of(new Run("slow.consume", () -> consume(tokens, spin)),
				new Run("slow.fetch", () -> Drains.listAll(fastContenders.tokensClient(), fast.pageSize(), (token) -> {
				}, tokens)),
				new Run("slow.listAll",
						() -> Drains.listAll(fastContenders.tokensClient(), fast.pageSize(),
								recordingThread(listAllThread, work), tokens)),
				new Run("slow.raw",
						() -> Drains.rawLoop(fastContenders.raw(), fast.firstPageUrl(),
								recordingThread(rawThread, work), tokens)),
				new Run("slow.publishOn", () -> Drains.listAll(
						fastContenders.tokensClient().listAll(fast.pageSize()).publishOn(Schedulers.boundedElastic()),
						recordingThread(publishOnThread, work), tokens)),
				new Run("slowLatency.fetch",
						() -> Drains.listAll(slowContenders.tokensClient(), slow.pageSize(), (token) -> {
						}, tokens)),
				new Run("slowLatency.listAll",
						() -> Drains.listAll(slowContenders.tokensClient(), slow.pageSize(), work, tokens)),
				new Run("slowLatency.raw",
						() -> Drains.rawLoop(slowContenders.raw(), slow.firstPageUrl(), work, tokens)),
				new Run("slowLatency.publishOn", () -> Drains.listAll(
						slowContenders.tokensClient().listAll(slow.pageSize()).publishOn(Schedulers.boundedElastic()),
						work, tokens)));
		for (Run run : runs) {
			run.timed().nanos();
		}
		for (int round = 0; round < this.plan.slowRounds(); round++) {
			StringBuilder line = new StringBuilder("slow consumer round " + (round + 1) + ":");
			double[] ms = new double[runs.size()];
			for (int i = 0; i < runs.size(); i++) {
				int index = (i + round) % runs.size();
				ms[index] = runs.get(index).timed().nanos() / 1e6;
			}
			for (int i = 0; i < runs.size(); i++) {
				this.results.figure(runs.get(i).name() + ".ms").add(ms[i]);
				line.append(String.format(Locale.ROOT, " %s %.0f ms", runs.get(i).name(), ms[i]));
			}
			double consume = ms[0];
			for (String name : List.of("slow.listAll", "slow.raw", "slow.publishOn", "slowLatency.listAll",
					"slowLatency.raw", "slowLatency.publishOn")) {
				this.results.figure(name + ".ratio").add(this.results.figure(name + ".ms").last() / consume);
			}
			progress("%s", line);
		}
		this.results.fact("slow.listAll.thread", listAllThread.get());
		this.results.fact("slow.raw.thread", rawThread.get());
		this.results.fact("slow.publishOn.thread", publishOnThread.get());
	}

	private static long consume(long tokens, long spin) {
		long start = System.nanoTime();
		for (long i = 0; i < tokens; i++) {
			Drains.busySpin(spin);
		}
		return System.nanoTime() - start;
	}

	private static Consumer<Token> recordingThread(AtomicReference<String> thread, Consumer<Token> work) {
		return (token) -> {
			if (thread.get() == null) {
				thread.set(Thread.currentThread().getName());
			}
			work.accept(token);
		};
	}

	/**
	 * Start-up of a minimal Spring Boot application with and without the Lagrello
	 * auto-configuration, each in fresh JVMs, alternately.
	 */
	public void startup() {
		// unrecorded: the first JVMs also warm the file system cache
		startupRun(true, false, null);
		startupRun(false, false, null);
		for (int i = 0; i < this.plan.startupRuns(); i++) {
			startupPair(i, false);
		}
		for (int i = 0; i < this.plan.startupRuns(); i++) {
			startupPair(i, true);
		}
	}

	private void startupPair(int run, boolean appWebClient) {
		boolean withFirst = run % 2 == 0;
		String suffix = appWebClient ? "AppWebClient" : "";
		double first = startupRun(withFirst, appWebClient, (withFirst ? "startup.with" : "startup.without") + suffix);
		double second = startupRun(!withFirst, appWebClient, (withFirst ? "startup.without" : "startup.with") + suffix);
		progress("start-up run %d%s: with Lagrello %.0f ms, without %.0f ms (JVM start to context ready)", run + 1,
				appWebClient ? " (the application builds a WebClient too)" : "", withFirst ? first : second,
				withFirst ? second : first);
	}

	private double startupRun(boolean withLagrello, boolean appWebClient, String figure) {
		Forks.Fork fork = Forks.run(List.of(), StartupApplication.class, Duration.ofMinutes(2),
				withLagrello ? "with" : "without", appWebClient ? "app-web-client" : "alone");
		List<String> lines = fork.lines(StartupApplication.PREFIX);
		if (fork.exitCode() != 0 || lines.size() != 1) {
			throw new IllegalStateException(
					"the start-up run failed (exit " + fork.exitCode() + "):\n" + fork.output());
		}
		String[] parts = lines.get(0).split(" ");
		boolean client = Boolean.parseBoolean(parts[2]);
		if (client != withLagrello) {
			throw new IllegalStateException("the start-up run " + (withLagrello ? "with" : "without")
					+ " Lagrello had a TokensClient: " + client);
		}
		double ready = Double.parseDouble(parts[1]);
		if (figure != null) {
			this.results.figure(figure + ".ready.ms").add(ready);
			this.results.figure(figure + ".context.ms").add(Double.parseDouble(parts[0]));
			this.results.figure(figure + ".process.ms").add(fork.nanos() / 1e6);
		}
		return ready;
	}

	private void progress(String format, Object... arguments) {
		this.log.println(String.format(Locale.ROOT, format, arguments));
		this.log.flush();
	}

	private record Contender(String name, IntFunction<Mono<TokenList>> call) {
	}

	private record Run(String name, Timed timed) {
	}

	@FunctionalInterface
	private interface Timed {

		long nanos();

	}

}
