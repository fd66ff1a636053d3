package com.lagrello.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.TokenList;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured {@link BlockingTokensClient} under the load of a servlet
 * application on virtual threads: 500 callers at once, each answer 20 ms late. On Java 21
 * and later (CI runs the suite on Java 25 too) the callers are virtual threads, and the
 * test checks that they were.
 */
@SpringBootTest
@AutoConfigureFakeLagrello(seedTokens = 3)
class VirtualThreadCallersTests {

	private static final int CALLERS = 500;

	@Autowired
	private BlockingTokensClient tokens;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Test
	void fiveHundredCallersAtOnceOnVirtualThreadsAllSucceed() throws Exception {
		this.lagrello.reset();
		this.lagrello.failNext(CALLERS, FakeFault.delay(Duration.ofMillis(20)));
		List<Future<Call>> calls = new ArrayList<>();
		ExecutorService threads = virtualThreads();
		try {
			for (int i = 0; i < CALLERS; i++) {
				calls.add(threads.submit(() -> new Call(Thread.currentThread(), this.tokens.listPage(0, 10))));
			}
			for (Future<Call> call : calls) {
				assertThat(call.get().page().data()).hasSize(4);
				if (Runtime.version().feature() >= 21) {
					assertThat(isVirtual(call.get().thread())).as("%s is virtual", call.get().thread()).isTrue();
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.lagrello.requests()).hasSize(CALLERS);
	}

	/**
	 * Virtual threads where the JVM has them (21 and later), else as many platform
	 * threads.
	 */
	private static ExecutorService virtualThreads() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException java17) {
			return Executors.newFixedThreadPool(CALLERS);
		}
	}

	// Thread.isVirtual() is Java 21 API; the tests compile for Java 17
	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	private record Call(Thread thread, TokenList page) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
