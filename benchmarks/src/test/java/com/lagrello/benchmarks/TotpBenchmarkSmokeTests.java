package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TOTP scenarios for a handful of checks, checking what was received, never how fast.
 * JMH itself is not run: the benchmark methods are called directly.
 */
class TotpBenchmarkSmokeTests {

	private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

	@ParameterizedTest
	@EnumSource(TotpContender.Kind.class)
	void everyTotpBenchmarkMethodVerifiesEveryCheck(TotpContender.Kind client) {
		TotpBenchmarks benchmarks = new TotpBenchmarks();
		benchmarks.client = client;
		benchmarks.start();
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(benchmarks.verifyTotp().userId()).isEqualTo(TotpServer.USER_ID);
			}
			assertThat(benchmarks.verifyTotpAt64Callers()).isEqualTo(TotpBenchmarks.CALLS_PER_INVOCATION);
			// one request per check: none retried, none lost
			assertThat(benchmarks.server.requests()).isEqualTo(3 + TotpBenchmarks.CALLS_PER_INVOCATION);
			assertThat(benchmarks.server.verified()).isEqualTo(3 + TotpBenchmarks.CALLS_PER_INVOCATION);
			assertThat(benchmarks.server.mostInFlight()).isBetween(1, TotpBenchmarks.CALLERS);
		}
		finally {
			benchmarks.stop();
		}
	}

	@ParameterizedTest
	@EnumSource(TotpContender.Kind.class)
	void aWrongCodeIsAnEmptyAnswerForEveryContender(TotpContender.Kind client) {
		try (TotpServer server = new TotpServer();
				TotpContender contender = TotpContender.of(client, server.baseUrl())) {
			assertThat(contender.verifyTotp(TotpServer.USER_ID, TotpServer.WRONG_CODE)
				.blockOptional(Duration.ofSeconds(30))).isEmpty();
			assertThat(contender.verifyTotpBlocking(TotpServer.USER_ID, TotpServer.WRONG_CODE)).isEmpty();
			assertThat(contender.verifyTotpBlocking(TotpServer.USER_ID, TotpServer.CODE))
				.hasValueSatisfying((user) -> assertThat(user.email()).isEqualTo(TotpServer.EMAIL));
			assertThat(server.rejected()).isEqualTo(2);
			assertThat(server.verified()).isEqualTo(1);
		}
	}

	@Test
	void twoHundredBlockingCallersAllVerify() {
		List<BlockingTotpCallers.Result> results = BlockingTotpCallers.run(200, 0, 1, QUIET);
		assertThat(results).extracting(BlockingTotpCallers.Result::client).containsExactly(TotpContender.Kind.values());
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.leastVerified()).isEqualTo(200);
			assertThat(result.failed()).isZero();
		});
	}

	@Test
	void jmhFoundTheTotpBenchmarks() throws IOException {
		try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
			assertThat(list).isNotNull();
			String benchmarks = new String(list.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(benchmarks).contains("TotpBenchmarks", "verifyTotp", "verifyTotpAt64Callers");
		}
	}

}
