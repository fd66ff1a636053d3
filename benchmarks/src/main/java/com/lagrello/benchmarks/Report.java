package com.lagrello.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns {@link Results} into the table of figures and ratios against the targets, the
 * markdown file and the chart.
 */
public final class Report {

	/** Where the run writes by default, relative to the repository's root. */
	public static final Path DEFAULT_DIRECTORY = Path.of("benchmarks", "results");

	private static final double LIST_PAGE_TARGET = 0.90;

	private static final double DRAIN_TARGET = 1.10;

	private static final double SLOW_CONSUMER_TARGET = 1.15;

	private static final double STARTUP_TARGET_MS = 50;

	private final Results results;

	private final Plan plan;

	/**
	 * Creates the report of the given results.
	 * @param results the results
	 */
	public Report(Results results) {
		this.results = results;
		this.plan = results.plan();
	}

	/**
	 * One line of the table.
	 *
	 * @param scenario what was measured
	 * @param lagrello the Lagrello client's figure
	 * @param baseline the figure it is compared with
	 * @param ratio the ratio, or difference, of the two
	 * @param target the target it must meet, or "reference"
	 * @param verdict PASS, MISS or "-"
	 */
	public record Row(String scenario, String lagrello, String baseline, String ratio, String target, String verdict) {
	}

	/**
	 * Returns the table's rows, for the scenarios that ran.
	 * @return the rows
	 */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (int concurrency : Scenarios.CONCURRENCIES) {
			String prefix = "listPage.c" + concurrency + ".";
			if (!this.results.has(prefix + "tokensClient")) {
				continue;
			}
			double ratio = median(prefix + "ratio.tokensClient");
			rows.add(new Row("listPage, concurrency " + concurrency,
					rate(prefix + "tokensClient") + " TokensClient, "
							+ wakeups(prefix + "tokensClient.parallelWakeups"),
					rate(prefix + "raw") + " raw reactor-netty", ratio(ratio), "≥ " + LIST_PAGE_TARGET,
					verdict(ratio >= LIST_PAGE_TARGET)));
			rows.add(new Row("listPage, concurrency " + concurrency + " (reference)",
					rate(prefix + "webClient") + " plain WebClient", rate(prefix + "raw") + " raw reactor-netty",
					ratio(median(prefix + "ratio.webClient")), "-", "-"));
		}
		drainRow(rows, "drain.fresh", "a fresh client");
		drainRow(rows, "drain.pooled", "the clients the listPage run used (pooled connections)");
		if (this.results.fact("heap.passed") != null) {
			boolean passed = Boolean.parseBoolean(this.results.fact("heap.passed"));
			rows.add(new Row("same drain, forked JVM with -Xmx64m (time once warm, highest peak heap of all drains)",
					this.results.has("heap.listAll.ms")
							? ms("heap.listAll.ms") + ", peak heap " + maxMb("heap.listAll.peak.mb") : "failed",
					this.results.has("heap.raw.ms") ? ms("heap.raw.ms") + ", peak heap " + maxMb("heap.raw.peak.mb")
							: "failed",
					passed ? "completes" : "does not complete", "completes", passed ? "PASS" : "MISS"));
		}
		if (this.results.has("slow.listAll.ratio")) {
			String what = String.format(Locale.ROOT, "slow consumer, %,d tokens x %d µs", this.plan.slowTokens(),
					this.plan.spinNanos() / 1000);
			double ratio = median("slow.listAll.ratio");
			rows.add(new Row(what + ": listAll", ms("slow.listAll.ms"), ms("slow.consume.ms") + " pure consume",
					ratio(ratio), "≤ " + SLOW_CONSUMER_TARGET, verdict(ratio <= SLOW_CONSUMER_TARGET)));
			rows.add(new Row(what + ": raw sequential loop (reference)", ms("slow.raw.ms"),
					ms("slow.consume.ms") + " pure consume", ratio(median("slow.raw.ratio")), "-", "-"));
			rows.add(new Row(what + ": listAll + publishOn(boundedElastic) (reference)", ms("slow.publishOn.ms"),
					ms("slow.consume.ms") + " pure consume", ratio(median("slow.publishOn.ratio")), "-", "-"));
			String latency = String.format(Locale.ROOT, "%s, server adds %.1f ms per page", what,
					this.plan.latency().toNanos() / 1e6);
			double latent = median("slowLatency.listAll.ratio");
			rows.add(new Row(latency + ": listAll", ms("slowLatency.listAll.ms"),
					ms("slow.consume.ms") + " pure consume (fetch alone " + ms("slowLatency.fetch.ms") + ")",
					ratio(latent), "≤ " + SLOW_CONSUMER_TARGET, verdict(latent <= SLOW_CONSUMER_TARGET)));
			rows.add(new Row(latency + ": raw sequential loop (reference)", ms("slowLatency.raw.ms"),
					ms("slow.consume.ms") + " pure consume", ratio(median("slowLatency.raw.ratio")), "-", "-"));
			rows.add(new Row(latency + ": listAll + publishOn(boundedElastic) (reference)",
					ms("slowLatency.publishOn.ms"), ms("slow.consume.ms") + " pure consume",
					ratio(median("slowLatency.publishOn.ratio")), "-", "-"));
		}
		if (this.results.has("timeout.ratio.parallelTimeout")) {
			rows.add(
					new Row("diagnosis, concurrency 1: plain WebClient + timeout(30 s) on Reactor's parallel scheduler",
							rate("timeout.parallelTimeout") + ", " + wakeups("timeout.parallelTimeout.parallelWakeups"),
							rate("timeout.webClient") + " plain WebClient, "
									+ wakeups("timeout.webClient.parallelWakeups"),
							ratio(median("timeout.ratio.parallelTimeout")), "-", "-"));
			rows.add(new Row("diagnosis, concurrency 1: plain WebClient + timeout(30 s) on a wheel timer",
					rate("timeout.wheelTimeout") + ", " + wakeups("timeout.wheelTimeout.parallelWakeups"),
					rate("timeout.webClient") + " plain WebClient", ratio(median("timeout.ratio.wheelTimeout")), "-",
					"-"));
		}
		if (this.results.has("startup.with.ready.ms")) {
			double overhead = median("startup.with.ready.ms") - median("startup.without.ready.ms");
			rows.add(new Row(
					"start-up, JVM start to context ready, median of "
							+ this.results.figure("startup.with.ready.ms").count() + " fresh JVMs each",
					ms("startup.with.ready.ms") + " with the starter",
					ms("startup.without.ready.ms") + " auto-configuration excluded",
					String.format(Locale.ROOT, "%+.0f ms", overhead), "< " + (int) STARTUP_TARGET_MS + " ms",
					verdict(overhead < STARTUP_TARGET_MS)));
		}
		if (this.results.has("startup.withAppWebClient.ready.ms")) {
			double overhead = median("startup.withAppWebClient.ready.ms")
					- median("startup.withoutAppWebClient.ready.ms");
			rows.add(new Row("start-up of an application that builds a WebClient of its own (reference)",
					ms("startup.withAppWebClient.ready.ms") + " with the starter",
					ms("startup.withoutAppWebClient.ready.ms") + " auto-configuration excluded",
					String.format(Locale.ROOT, "%+.0f ms", overhead), "-", "-"));
		}
		return rows;
	}

	private void drainRow(List<Row> rows, String name, String clients) {
		if (!this.results.has(name + ".ratio")) {
			return;
		}
		double ratio = median(name + ".ratio");
		String drain = String.format(Locale.ROOT, "drain %,d tokens (%,d pages), %s", this.plan.tokens(),
				this.plan.pages(), clients);
		rows.add(new Row(drain, ms(name + ".listAll.ms") + " listAll(" + this.plan.pageSize() + ")",
				ms(name + ".raw.ms") + " raw loop", ratio(ratio), "≤ " + DRAIN_TARGET, verdict(ratio <= DRAIN_TARGET)));
		rows.add(new Row(drain + ": listAll + publishOn(boundedElastic) (reference)", ms(name + ".publishOn.ms"),
				ms(name + ".raw.ms") + " raw loop", ratio(median(name + ".publishOn.ratio")), "-", "-"));
	}

	/**
	 * Returns the table as fixed-width text for the console.
	 * @return the table
	 */
	public String table() {
		List<String[]> cells = new ArrayList<>();
		cells.add(new String[] { "Scenario", "Lagrello", "Baseline", "Ratio", "Target", "Result" });
		for (Row row : rows()) {
			cells.add(new String[] { row.scenario(), row.lagrello(), row.baseline(), row.ratio(), row.target(),
					row.verdict() });
		}
		int[] widths = new int[6];
		for (String[] line : cells) {
			for (int i = 0; i < line.length; i++) {
				widths[i] = Math.max(widths[i], line[i].length());
			}
		}
		StringBuilder text = new StringBuilder();
		for (int n = 0; n < cells.size(); n++) {
			String[] line = cells.get(n);
			for (int i = 0; i < line.length; i++) {
				text.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", line[i]));
				text.append((i < line.length - 1) ? "  " : "\n");
			}
			if (n == 0) {
				for (int i = 0; i < widths.length; i++) {
					text.append("-".repeat(widths[i])).append((i < widths.length - 1) ? "  " : "\n");
				}
			}
		}
		return text.toString();
	}

	/**
	 * Returns the table as markdown.
	 * @return the table
	 */
	public String markdownTable() {
		StringBuilder md = new StringBuilder();
		md.append("| Scenario | Lagrello | Baseline | Ratio | Target | Result |\n");
		md.append("|---|---:|---:|---:|---|---|\n");
		for (Row row : rows()) {
			md.append("| ")
				.append(String.join(" | ", row.scenario(), row.lagrello(), row.baseline(), row.ratio(), row.target(),
						row.verdict()))
				.append(" |\n");
		}
		return md.toString();
	}

	/**
	 * Returns every figure's median and range, as markdown.
	 * @return the table of figures
	 */
	public String markdownDetails() {
		StringBuilder md = new StringBuilder();
		md.append("| Figure | Median | Min | Max | Rounds |\n");
		md.append("|---|---:|---:|---:|---:|\n");
		for (Map.Entry<String, Samples> figure : this.results.figures().entrySet()) {
			Samples samples = figure.getValue();
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d |%n", figure.getKey(),
					number(samples.median()), number(samples.min()), number(samples.max()), samples.count()));
		}
		return md.toString();
	}

	/**
	 * Writes {@code results.md} and {@code chart.png} into the directory.
	 * @param directory where to write
	 * @param command the command that ran the benchmarks
	 * @param machine the machine and JVM description, markdown
	 * @throws IOException if they cannot be written
	 */
	public void write(Path directory, String command, String machine) throws IOException {
		Files.createDirectories(directory);
		writeChart(directory.resolve("chart.png"));
		StringBuilder md = new StringBuilder();
		md.append("# Lagrello client benchmarks: latest results\n\n");
		md.append("Written by `")
			.append(command)
			.append("` on ")
			.append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append(". Ratios are the median of the ratios of each round, in which the contenders ran "
					+ "interleaved in the same JVM; times and rates are medians of the rounds.\n\n");
		md.append(markdownTable()).append('\n');
		md.append("![Lagrello client benchmarks](chart.png)\n\n");
		if (!this.results.notes().isEmpty()) {
			md.append("## Notes\n\n");
			for (String note : this.results.notes()) {
				md.append("- ").append(note).append('\n');
			}
			md.append('\n');
		}
		md.append("## Plan\n\n").append(planText()).append("\n\n");
		md.append("## Every figure (median and range of the rounds)\n\n").append(markdownDetails()).append('\n');
		md.append("## Machine and JVM\n\n").append(machine).append('\n');
		Files.writeString(directory.resolve("results.md"), md.toString());
	}

	/**
	 * Describes the plan in words.
	 * @return the plan's description
	 */
	public String planText() {
		return String.format(Locale.ROOT, """
				- Harness: a main class of its own (not JMH), so that contenders run interleaved: every round \
				measures each contender once, in an order that rotates, in the same JVM, and ratios are the \
				median of the rounds' ratios. JMH runs one benchmark's iterations to completion before the \
				next, which on this shared machine lets load from other builds fall on one contender only. \
				Iterations are short (a noisy, shared 2-core machine favours many short interleaved rounds \
				over few long ones).
				- Server: reactor-netty on 127.0.0.1 with event loops of its own, in the same JVM, serving \
				%,d pre-rendered pages of %d tokens (byte arrays) linked by absolute `paging.next`.
				- Clients: the `TokensClient` (built with `TokensClient.builder()` on `WebClient.builder()`), \
				a plain `WebClient` call (`bodyToMono(TokenList.class)`) and the raw limit (reactor-netty \
				`HttpClient` + Jackson 3 `JsonMapper` into the same records) all share one reactor-netty \
				`HttpClient`: the global event loops and a pool of %d connections, twice the largest \
				concurrency, so that no acquire waits.
				- listPage: closed loops of 1 and 64 requests in flight; %d ms warm-up per contender and \
				concurrency, then %d rounds of %d ms each. The diagnosis of the read timeout runs the same \
				way at concurrency 1.
				- Drain: %d warm-up and %d measured drains per contender, first with clients not used before \
				(fresh pool), then with the clients of the listPage run (pool filled by concurrency 64); a \
				forked `-Xmx64m` JVM then drains %d times with each, against the same server.
				- Slow consumer: %,d tokens with %d µs of busy work each, %d rounds, from a server without \
				and one with %.1f ms added to every answer.
				- Start-up: %d fresh JVMs with and %d without the Lagrello auto-configuration (excluded with \
				`spring.autoconfigure.exclude`), alternately, after one unrecorded pair; then as many of an \
				application that builds a `WebClient` of its own. `web(NONE)`, banner and start-up logging \
				off.""", this.plan.pages(), this.plan.pageSize(), Contenders.MAX_CONNECTIONS,
				this.plan.warmup().toMillis(), this.plan.throughputRounds(), this.plan.slice().toMillis(),
				this.plan.drainWarmups(), this.plan.drainRounds(), this.plan.smallHeapRepetitions(),
				this.plan.slowTokens(), this.plan.spinNanos() / 1000, this.plan.slowRounds(),
				this.plan.latency().toNanos() / 1e6, this.plan.startupRuns(), this.plan.startupRuns());
	}

	private void writeChart(Path file) throws IOException {
		List<BufferedImage> panels = new ArrayList<>();
		if (this.results.has("listPage.c1.raw")) {
			CategoryChart chart = chart("listPage throughput (higher is better)", "requests / s");
			List<String> x = List.of("concurrency 1", "concurrency 64");
			chart.addSeries("raw reactor-netty + Jackson", x,
					List.of(median("listPage.c1.raw"), median("listPage.c64.raw")));
			chart.addSeries("TokensClient", x,
					List.of(median("listPage.c1.tokensClient"), median("listPage.c64.tokensClient")));
			chart.addSeries("plain WebClient", x,
					List.of(median("listPage.c1.webClient"), median("listPage.c64.webClient")));
			panels.add(BitmapEncoder.getBufferedImage(chart));
		}
		if (this.results.has("drain.fresh.listAll.ms") || this.results.has("heap.listAll.ms")) {
			CategoryChart chart = chart(
					String.format(Locale.ROOT, "Drain %,d tokens (lower is better)", this.plan.tokens()), "ms");
			List<String> x = List.of("fresh client", "pooled connections", "-Xmx64m JVM");
			chart.addSeries("listAll", x, List.of(orZero("drain.fresh.listAll.ms"), orZero("drain.pooled.listAll.ms"),
					orZero("heap.listAll.ms")));
			chart.addSeries("raw sequential loop", x,
					List.of(orZero("drain.fresh.raw.ms"), orZero("drain.pooled.raw.ms"), orZero("heap.raw.ms")));
			panels.add(BitmapEncoder.getBufferedImage(chart));
		}
		if (this.results.has("slow.listAll.ms")) {
			CategoryChart chart = chart(
					String.format(Locale.ROOT, "Slow consumer, %,d tokens x %d µs (lower is better)",
							this.plan.slowTokens(), this.plan.spinNanos() / 1000),
					"ms");
			List<String> x = List.of("fast server",
					String.format(Locale.ROOT, "server +%.1f ms / page", this.plan.latency().toNanos() / 1e6));
			chart.addSeries("consume alone", x, List.of(median("slow.consume.ms"), median("slow.consume.ms")));
			chart.addSeries("fetch alone", x, List.of(median("slow.fetch.ms"), median("slowLatency.fetch.ms")));
			chart.addSeries("listAll", x, List.of(median("slow.listAll.ms"), median("slowLatency.listAll.ms")));
			chart.addSeries("raw loop", x, List.of(median("slow.raw.ms"), median("slowLatency.raw.ms")));
			chart.addSeries("listAll + publishOn", x,
					List.of(median("slow.publishOn.ms"), median("slowLatency.publishOn.ms")));
			panels.add(BitmapEncoder.getBufferedImage(chart));
		}
		if (this.results.has("startup.with.ready.ms")) {
			CategoryChart chart = chart("Start-up, JVM start to context ready (lower is better)", "ms");
			List<String> x = List.of("minimal application", "application with its own WebClient");
			chart.addSeries("with Lagrello", x,
					List.of(median("startup.with.ready.ms"), orZero("startup.withAppWebClient.ready.ms")));
			chart.addSeries("auto-configuration excluded", x,
					List.of(median("startup.without.ready.ms"), orZero("startup.withoutAppWebClient.ready.ms")));
			panels.add(BitmapEncoder.getBufferedImage(chart));
		}
		if (panels.isEmpty()) {
			return;
		}
		int width = panels.get(0).getWidth();
		int height = panels.get(0).getHeight();
		int columns = Math.min(2, panels.size());
		int lines = (panels.size() + 1) / 2;
		BufferedImage image = new BufferedImage(columns * width, lines * height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		for (int i = 0; i < panels.size(); i++) {
			graphics.drawImage(panels.get(i), (i % 2) * width, (i / 2) * height, null);
		}
		graphics.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static CategoryChart chart(String title, String yAxis) {
		CategoryChart chart = new CategoryChartBuilder().width(720).height(460).title(title).yAxisTitle(yAxis).build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
		chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
		chart.getStyler().setLabelsVisible(true);
		chart.getStyler().setLabelsRotation(0);
		chart.getStyler().setDecimalPattern("#,##0");
		chart.getStyler().setChartBackgroundColor(Color.WHITE);
		chart.getStyler().setYAxisMin(0.0);
		return chart;
	}

	private double median(String figure) {
		return this.results.figure(figure).median();
	}

	private double orZero(String figure) {
		return this.results.has(figure) ? median(figure) : 0;
	}

	private String rate(String figure) {
		return String.format(Locale.ROOT, "%,.0f req/s", median(figure));
	}

	private String ms(String figure) {
		return String.format(Locale.ROOT, "%,.0f ms", median(figure));
	}

	private String wakeups(String figure) {
		return String.format(Locale.ROOT, "%.2f parallel wake-ups/request", median(figure));
	}

	private String maxMb(String figure) {
		return String.format(Locale.ROOT, "%.0f MB", this.results.figure(figure).max());
	}

	private static String ratio(double ratio) {
		return String.format(Locale.ROOT, "%.2f", ratio);
	}

	private static String verdict(boolean met) {
		return met ? "PASS" : "MISS";
	}

	private static String number(double value) {
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.3f", value);
	}

}
