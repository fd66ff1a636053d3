package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario for a handful of operations, checking what was received, never how fast.
 * JMH itself is not run: the benchmark methods are called directly.
 */
class BenchmarkSmokeTests {

	private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

	@ParameterizedTest
	@EnumSource(Contender.Kind.class)
	void everyBenchmarkMethodReceivesWhatTheServerSent(Contender.Kind client) {
		ClientBenchmarks benchmarks = new ClientBenchmarks();
		benchmarks.client = client;
		benchmarks.pages = 25;
		benchmarks.start();
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(benchmarks.listPage().data()).hasSize(ClientBenchmarks.PAGE_SIZE);
				assertThat(benchmarks.create().tokenName()).startsWith("token-");
			}
			long before = benchmarks.server.requests();
			assertThat(benchmarks.drain()).isEqualTo(25 * ClientBenchmarks.PAGE_SIZE);
			assertThat(benchmarks.server.requests() - before).isEqualTo(25);
		}
		finally {
			benchmarks.stop();
		}
	}

	@Test
	void jmhFoundEveryBenchmark() throws IOException {
		try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
			assertThat(list).isNotNull();
			String benchmarks = new String(list.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(benchmarks).contains("ClientBenchmarks", "listPage", "create", "drain");
		}
	}

	@Test
	void longLinkDrainCompletesInAForkedJvmWithA64MegabyteHeap() {
		long[] drained = Harness.heap(20, 8192, QUIET);
		assertThat(drained[0]).isEqualTo(20 * 20);
		assertThat(drained[2]).isPositive();
	}

	@Test
	void latencyScenariosDrainAndDeleteEverythingWithinTheirRequestBudget() {
		List<LatencyScenarios.Result> results = LatencyScenarios.run(1, 30, 60, QUIET);
		assertThat(results).extracting(LatencyScenarios.Result::items).containsExactly(600L, 600L, 600L, 60L, 60L);
		// a drain asks for every page, and at most concurrency - 1 beyond the last, with
		// pages counted from 0 or from 1
		assertThat(results.get(0).requests()).isEqualTo(30);
		assertThat(results.get(1).requests()).isBetween(30L, 30L + 8 - 1);
		assertThat(results.get(2).requests()).isBetween(30L, 30L + 8 - 1);
		// the listing (3 pages), then one delete per token
		assertThat(results.get(3).requests()).isEqualTo(3 + 60);
		assertThat(results.get(4).requests()).isBetween(3L + 60, 3L + 60 + 8 - 1);
	}

	@Test
	void startupApplicationHasATokensClientOnlyWithTheAutoConfiguration() {
		try (ConfigurableApplicationContext context = StartupApplication.builder(true).run()) {
			assertThat(context.getBeanNamesForType(TokensClient.class)).hasSize(1);
		}
		try (ConfigurableApplicationContext context = StartupApplication.builder(false).run()) {
			assertThat(context.getBeanNamesForType(TokensClient.class)).isEmpty();
		}
	}

	@Test
	void summaryHasTheRatiosOfEveryRoundToThePlainWebClient(@TempDir Path directory) throws IOException {
		Path first = Files.writeString(directory.resolve("1.json"), jmhResults(1000, 900));
		Path second = Files.writeString(directory.resolve("2.json"), jmhResults(1200, 1000));
		String table = Harness.summarize(List.of(first, second));
		assertThat(table)
			.contains("| listPage | tokensClient | 2 | 950.0 | 900.0 – 1,000.0 | 2,048 | 0.87 (0.83 – 0.90) |")
			.contains("| listPage | webClient | 2 | 1,100.0 | 1,000.0 – 1,200.0 | 2,048 | 1.00 (1.00 – 1.00) |");
	}

	private static String jmhResults(double webClient, double tokensClient) {
		String result = "{\"benchmark\":\"com.lagrello.benchmarks.ClientBenchmarks.listPage\",\"params\":{\"client\":"
				+ "\"%s\"},\"primaryMetric\":{\"score\":%s},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":2048}}}";
		return "[" + result.formatted("webClient", webClient) + "," + result.formatted("tokensClient", tokensClient)
				+ "]";
	}

}
