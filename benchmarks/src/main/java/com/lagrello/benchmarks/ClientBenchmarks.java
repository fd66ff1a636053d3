package com.lagrello.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the {@code TokensClient} against a plain {@code WebClient} call and
 * raw reactor-netty + Jackson, one request (or one drain) at a time from one thread,
 * against a {@link PageServer} in the same JVM. The warm-up is long because the JIT needs
 * it: on two shared cores a fresh fork is still getting faster after 10 s of warm-up, as
 * it compiles the client's, reactor-netty's and the server's code; the measurement is
 * short, and {@code benchmarks/run.sh} repeats it instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientBenchmarks {

	/** Tokens per page, the API's largest. */
	public static final int PAGE_SIZE = 20;

	static final CreateTokenRequest REQUEST = CreateTokenRequest.of("bench-token", Permission.READ, Permission.WRITE);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The contender. */
	@Param
	public Contender.Kind client;

	/** The server's pages: a drain reads 250 pages, 5,000 tokens. */
	@Param("250")
	public int pages;

	PageServer server;

	private Contender contender;

	private int page;

	/**
	 * Starts the server and the contender.
	 */
	@Setup
	public void start() {
		this.server = new PageServer(this.pages, PAGE_SIZE, 0);
		this.contender = Contender.of(this.client, this.server.baseUrl());
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
	 * One page, the next page number each time.
	 * @return the page
	 */
	@Benchmark
	public TokenList listPage() {
		this.page = (this.page + 1) % this.pages;
		return this.contender.listPage(this.page, PAGE_SIZE).block(TIMEOUT);
	}

	/**
	 * One {@code POST /v1/tokens}.
	 * @return the created token
	 */
	@Benchmark
	public Token create() {
		return this.contender.create(REQUEST).block(TIMEOUT);
	}

	/**
	 * Every token of the server ({@code listAll(20)}: a request per page, one at a time).
	 * @return the token count
	 */
	@Benchmark
	public long drain() {
		Long tokens = this.contender.drain(PAGE_SIZE).count().block(TIMEOUT);
		if (tokens == null || tokens != (long) this.pages * PAGE_SIZE) {
			throw new IllegalStateException(this.client + " drained " + tokens + " tokens");
		}
		return tokens;
	}

}
