package com.lagrello.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.lagrello.client.User;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

/**
 * JMH benchmarks of {@code AuthClient.verifyTotp} against a plain {@code WebClient} doing
 * the same request, against a {@link TotpServer} in the same JVM: one check at a time
 * from one thread ({@link #verifyTotp}), and checks from {@value #CALLERS} callers at
 * once ({@link #verifyTotpAt64Callers}).
 * <p>
 * The 64 callers are 64 checks in flight in one reactive pipeline
 * ({@code flatMap(.., 64)}), not 64 JMH threads each blocking on a check: the reactive
 * {@code AuthClient} is called that way, from event loops, and on two cores 64 blocked
 * threads would add the operating system's cost of waking a thread per check, the same
 * for both contenders, which would bring their ratio towards 1 whatever the clients do.
 * Blocking callers are {@link BlockingTotpCallers}' to measure. Each invocation makes
 * {@value #CALLS_PER_INVOCATION} checks, counted as as many operations, so that the
 * ramp-up and the tail with fewer than 64 in flight are a small part of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class TotpBenchmarks {

	/** The checks in flight at once in {@link #verifyTotpAt64Callers}. */
	public static final int CALLERS = 64;

	/** The checks of one invocation of {@link #verifyTotpAt64Callers}: 16 per caller. */
	public static final int CALLS_PER_INVOCATION = 16 * CALLERS;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The contender. */
	@Param
	public TotpContender.Kind client;

	TotpServer server;

	private TotpContender contender;

	/**
	 * Starts the server and the contender.
	 */
	@Setup
	public void start() {
		this.server = new TotpServer();
		this.contender = TotpContender.of(this.client, this.server.baseUrl());
	}

	/**
	 * Closes the contender and the server.
	 */
	@TearDown
	public void stop() {
		this.contender.close();
		this.server.close();
	}

	/**
	 * One check of a right code.
	 * @return the user
	 */
	@Benchmark
	public User verifyTotp() {
		User user = this.contender.verifyTotp(TotpServer.USER_ID, TotpServer.CODE).block(TIMEOUT);
		if (user == null) {
			throw new IllegalStateException(this.client + " did not verify the right code");
		}
		return user;
	}

	/**
	 * {@value #CALLS_PER_INVOCATION} checks of a right code, {@value #CALLERS} in flight
	 * at once.
	 * @return the users verified
	 */
	@Benchmark
	@OperationsPerInvocation(CALLS_PER_INVOCATION)
	public long verifyTotpAt64Callers() {
		Long verified = Flux.range(0, CALLS_PER_INVOCATION)
			.flatMap((call) -> this.contender.verifyTotp(TotpServer.USER_ID, TotpServer.CODE), CALLERS)
			.count()
			.block(TIMEOUT);
		if (verified == null || verified != CALLS_PER_INVOCATION) {
			throw new IllegalStateException(
					this.client + " verified " + verified + " of " + CALLS_PER_INVOCATION + " right codes");
		}
		return verified;
	}

}
