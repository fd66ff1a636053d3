package com.lagrello.benchmarks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A smoke run of every benchmark scenario: a handful of operations against the local
 * server, checking what was received (token counts), never how fast.
 */
class BenchmarkSmokeTests {

	private static final int PAGES = 50;

	private static final int PAGE_SIZE = 20;

	private static PageServer server;

	private static Contenders contenders;

	@BeforeAll
	static void startServer() {
		server = PageServer.start(PAGES, PAGE_SIZE, Duration.ZERO);
		contenders = new Contenders(server.baseUrl(), PageServer.ACCESS_TOKEN);
	}

	@AfterAll
	static void stopServer() {
		contenders.close();
		server.close();
	}

	@Test
	void everyListPageContenderReceivesFullPages() {
		for (int concurrency : new int[] { 1, 8 }) {
			assertFullPages(ClosedLoop.run((page) -> contenders.tokensClient().listPage(page, PAGE_SIZE), concurrency,
					Duration.ofMillis(100), PAGES, PAGE_SIZE));
			assertFullPages(ClosedLoop.run((page) -> contenders.webClientPage(page, PAGE_SIZE), concurrency,
					Duration.ofMillis(100), PAGES, PAGE_SIZE));
			assertFullPages(ClosedLoop.run((page) -> contenders.raw().listPage(page, PAGE_SIZE), concurrency,
					Duration.ofMillis(100), PAGES, PAGE_SIZE));
		}
	}

	private static void assertFullPages(ClosedLoop.Outcome outcome) {
		assertThat(outcome.operations()).isPositive();
		assertThat(outcome.tokens()).isEqualTo(outcome.operations() * PAGE_SIZE);
	}

	@Test
	void listAllDrainsEveryTokenOnceWithOneRequestPerPage() {
		Set<String> keys = ConcurrentHashMap.newKeySet();
		long before = server.requests();
		Drains.listAll(contenders.tokensClient(), PAGE_SIZE, (token) -> keys.add(token.tokenKey()),
				server.tokenCount());
		assertThat(server.requests() - before).isEqualTo(PAGES);
		assertThat(keys).hasSize(PAGES * PAGE_SIZE);
	}

	@Test
	void rawLoopDrainsEveryTokenOnceWithOneRequestPerPage() {
		Set<String> keys = ConcurrentHashMap.newKeySet();
		long before = server.requests();
		Drains.rawLoop(contenders.raw(), server.firstPageUrl(), (token) -> keys.add(token.tokenKey()),
				server.tokenCount());
		assertThat(server.requests() - before).isEqualTo(PAGES);
		assertThat(keys).hasSize(PAGES * PAGE_SIZE);
	}

	@Test
	void drainCountsAreChecked() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> Drains.listAll(contenders.tokensClient(), PAGE_SIZE, (token) -> {
			}, server.tokenCount() + 1))
			.withMessageContaining("instead of");
	}

	@Test
	void slowConsumerSeesEveryTokenOnceWithAndWithoutPublishOn() {
		Set<String> keys = ConcurrentHashMap.newKeySet();
		Drains.listAll(contenders.tokensClient(), PAGE_SIZE, (token) -> {
			Drains.busySpin(10_000);
			keys.add(token.tokenKey());
		}, server.tokenCount());
		assertThat(keys).hasSize(PAGES * PAGE_SIZE);
		Set<String> hopped = ConcurrentHashMap.newKeySet();
		Set<String> threads = ConcurrentHashMap.newKeySet();
		Drains.listAll(contenders.tokensClient().listAll(PAGE_SIZE).publishOn(Schedulers.boundedElastic()),
				(Token token) -> {
					Drains.busySpin(10_000);
					hopped.add(token.tokenKey());
					threads.add(Thread.currentThread().getName());
				}, server.tokenCount());
		assertThat(hopped).hasSize(PAGES * PAGE_SIZE);
		assertThat(threads).allMatch((name) -> name.startsWith("boundedElastic"));
	}

	@Test
	void wheelTimerSchedulerTimesOut() {
		WheelTimerScheduler wheel = new WheelTimerScheduler();
		try {
			Mono<Object> never = Mono.never().timeout(Duration.ofMillis(50), wheel);
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> never.block(Duration.ofSeconds(5)))
				.withCauseInstanceOf(TimeoutException.class);
			assertThat(Mono.just(1).timeout(Duration.ofSeconds(5), wheel).block()).isEqualTo(1);
		}
		finally {
			wheel.dispose();
		}
	}

	@Test
	void smallHeapDrainCompletesInAForkedJvm() {
		Forks.Fork fork = Forks.run(List.of("-Xmx64m"), SmallHeapDrain.class, Duration.ofMinutes(2),
				server.baseUrl().toString(), Integer.toString(PAGE_SIZE), Long.toString(server.tokenCount()), "1");
		assertThat(fork.exitCode()).as(fork.output()).isZero();
		List<String> drains = fork.lines(SmallHeapDrain.PREFIX);
		assertThat(drains).hasSize(4);
		assertThat(drains).filteredOn((line) -> line.startsWith("listAll ")).hasSize(2);
		assertThat(drains).filteredOn((line) -> line.startsWith("raw ")).hasSize(2);
	}

	@Test
	void startupApplicationHasATokensClientOnlyWithTheAutoConfiguration() {
		try (ConfigurableApplicationContext context = StartupApplication.builder(true, false).run()) {
			assertThat(context.getBeanNamesForType(TokensClient.class)).hasSize(1);
		}
		try (ConfigurableApplicationContext context = StartupApplication.builder(false, true).run()) {
			assertThat(context.getBeanNamesForType(TokensClient.class)).isEmpty();
			assertThat(context.getBean("appWebClient")).isNotNull();
		}
	}

	@Test
	void reportHasARowPerScenarioAndWritesTheFiles(@TempDir Path directory) throws IOException {
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		Results results = BenchmarkMain.run(Plan.smoke(), Set.of("drain", "throughput", "timeout", "slow"), quiet);
		Report report = new Report(results);
		assertThat(report.rows()).extracting(Report.Row::scenario)
			.anyMatch((scenario) -> scenario.startsWith("listPage, concurrency 1"))
			.anyMatch((scenario) -> scenario.startsWith("listPage, concurrency 64"))
			.anyMatch((scenario) -> scenario.contains("a fresh client"))
			.anyMatch((scenario) -> scenario.contains("pooled connections"))
			.anyMatch((scenario) -> scenario.startsWith("slow consumer"))
			.anyMatch((scenario) -> scenario.startsWith("diagnosis"));
		assertThat(report.table()).contains("TokensClient");
		report.write(directory, "test", "- machine: test");
		assertThat(Files.readString(directory.resolve("results.md"))).contains("| Scenario |");
		BufferedImage chart = ImageIO.read(directory.resolve("chart.png").toFile());
		assertThat(chart).isNotNull();
		assertThat(chart.getWidth()).isPositive();
	}

}
