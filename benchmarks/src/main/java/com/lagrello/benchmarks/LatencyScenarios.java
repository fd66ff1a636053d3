package com.lagrello.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Paging and bulk deletes against a distant API: every answer of the {@link PageServer}
 * comes 20 ms late, so what counts is how many requests wait at once, not CPU. The
 * concurrent drain runs against pages counted from 0 and against pages counted from 1
 * (the first page links to {@code page=1} or to {@code page=2}). Each scenario is
 * reported as its median time over the runs, the ratio of that to its physical limit (the
 * answers it must wait for one after the other, times the delay), the ratio to the
 * sequential drain, and the requests the server received.
 */
public final class LatencyScenarios {

	static final Duration DELAY = Duration.ofMillis(20);

	// the longest wait for a run's connections to close
	private static final Duration SETTLE = Duration.ofSeconds(10);

	private LatencyScenarios() {
	}

	/**
	 * Runs every scenario and prints a Markdown table.
	 * @param runs the measured runs of each scenario, after one warm-up run
	 * @param pages the pages of the drains
	 * @param tokens the tokens of the bulk deletes
	 * @param out where to report
	 * @return the results, in the table's order
	 */
	public static List<Result> run(int runs, int pages, int tokens, PrintStream out) {
		List<Result> results = new ArrayList<>();
		try (PageServer server = new PageServer(pages, 20, 0, DELAY)) {
			Result sequential = measure("drain " + pages + " pages, concurrency 1", runs, server, pages,
					(client) -> client.listAll(20).count().block(Duration.ofMinutes(2)), 1, 1);
			results.add(sequential);
			results.add(measure("drain " + pages + " pages counted from 0, concurrency 8", runs, server,
					concurrentDrainWaits(pages), (client) -> client.listAll(20).count().block(Duration.ofMinutes(2)), 8,
					1));
		}
		try (PageServer server = new PageServer(pages, 20, 0, DELAY, 1)) {
			results.add(measure("drain " + pages + " pages counted from 1, concurrency 8", runs, server,
					concurrentDrainWaits(pages), (client) -> client.listAll(20).count().block(Duration.ofMinutes(2)), 8,
					1));
		}
		int tokenPages = (tokens + 19) / 20;
		try (PageServer server = new PageServer(tokenPages, 20, 0, DELAY)) {
			for (int concurrency : new int[] { 1, 8 }) {
				// the listing at that concurrency too, then the deletes
				long listing = (concurrency == 1) ? tokenPages : 1 + (tokenPages - 1 + 7) / 8;
				long deletes = (tokens + concurrency - 1) / concurrency;
				results.add(measure("deleteAll " + tokens + " tokens, concurrency " + concurrency, runs, server,
						listing + deletes,
						(client) -> deleted(client.deleteAll((token) -> true).block(Duration.ofMinutes(5))),
						concurrency, concurrency));
			}
		}
		out.print(table(results));
		return results;
	}

	/**
	 * The answers a drain at concurrency 8 waits for one after the other: the first page
	 * alone, then the others 8 at a time (the issue counts 63 for 500 pages).
	 */
	private static long concurrentDrainWaits(int pages) {
		return (pages - 1 + 7) / 8;
	}

	private static long deleted(DeleteAllResult result) {
		if (!result.failures().isEmpty()) {
			throw new IllegalStateException(result.failures().size() + " deletes failed");
		}
		return result.deleted().size();
	}

	private static Result measure(String name, int runs, PageServer server, long waits,
			Function<TokensClient, Long> scenario, int pagination, int bulk) {
		List<Double> millis = new ArrayList<>();
		long requests = 0;
		long items = 0;
		for (int run = -1; run < runs; run++) {
			// each run on connections of its own, closed when it is done: the requests it
			// cancelled in flight reach the server before the next run counts
			ConnectionProvider connections = ConnectionProvider.create("latency-run");
			long before = server.requests();
			double elapsed;
			try (WebClientTokensClient client = TokensClient.builder()
				.baseUrl(server.baseUrl())
				.accessToken(PageServer.ACCESS_TOKEN)
				.paginationConcurrency(pagination)
				.bulkConcurrency(bulk)
				.maxPages(100_000)
				// the default connector's client, on that pool
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).compress(true)))
				.build()) {
				long start = System.nanoTime();
				items = scenario.apply(client);
				elapsed = (System.nanoTime() - start) / 1e6;
			}
			finally {
				connections.disposeLater().block(SETTLE);
			}
			long received = server.requestsOnceDisconnected(SETTLE) - before;
			if (run >= 0) {
				millis.add(elapsed);
				requests = received;
			}
		}
		return new Result(name, Harness.median(millis), waits * DELAY.toMillis(), requests, items);
	}

	private static String table(List<Result> results) {
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
				"| Scenario (answers %d ms late) | median ms | limit ms | vs limit | vs concurrency 1 | requests |"
						+ " items |%n|---|---:|---:|---:|---:|---:|---:|%n",
				DELAY.toMillis()));
		for (Result result : results) {
			// the same scenario at concurrency 1: the first of its kind
			String kind = result.name().substring(0, result.name().indexOf(' '));
			Result sequential = results.stream()
				.filter((other) -> other.name().startsWith(kind + " "))
				.findFirst()
				.get();
			table.append(String.format(Locale.ROOT, "| %s | %,.0f | %,d | %.2f | %.1f× faster | %,d | %,d |%n",
					result.name(), result.millis(), result.limitMillis(), result.millis() / result.limitMillis(),
					sequential.millis() / result.millis(), result.requests(), result.items()));
		}
		return table.toString();
	}

	/**
	 * One scenario's figures.
	 *
	 * @param name what ran
	 * @param millis the median time of the runs
	 * @param limitMillis the answers waited for one after the other, times the delay
	 * @param requests the requests the server received from the last run, those it
	 * cancelled in flight included
	 * @param items the tokens drained or deleted by the last run
	 */
	public record Result(String name, double millis, long limitMillis, long requests, long items) {

	}

}
