package com.lagrello.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interrupting a blocking call: a {@link LagrelloException} with the
 * {@link InterruptedException} as cause, the thread's interrupt flag kept, and nothing
 * more sent.
 */
class BlockingInterruptTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final WebClientTokensClient reactive = TestClients.client(api);

	private final BlockingTokensClient client = this.reactive.blocking();

	@AfterEach
	void close() {
		this.reactive.close();
		// never leave the test runner's thread interrupted
		Thread.interrupted();
	}

	@Test
	void createOnAnInterruptedThreadSendsNothingAndKeepsTheInterrupt() {
		api.stubFor(post(anyUrl()).willReturn(okJson(ApiExamples.TOKEN)));
		Thread.currentThread().interrupt();

		Throwable thrown = catchThrown(() -> this.client.create(CreateTokenRequest.of("ci")));

		assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag").isTrue();
		assertInterrupted(thrown, "tokens/create");
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> api.verify(0, anyRequestedFor(anyUrl())));
	}

	@Test
	void aListPageWaitingOnASlowServerIsCancelledByAnInterrupt() throws Exception {
		api.stubFor(get(anyUrl()).willReturn(okJson(ApiExamples.page("a", 1, null)).withFixedDelay(5_000)));

		Outcome outcome = interruptWhileWaiting((ignored) -> this.client.listPage(0, 1));

		assertThat(outcome.interruptFlag()).as("interrupt flag").isTrue();
		assertInterrupted(outcome.thrown(), "tokens/list");
		// cancelled, not retried
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(api.getAllServeEvents()).hasSizeLessThanOrEqualTo(1));
	}

	@Test
	void aListAllStreamWaitingForAPageIsCancelledByAnInterrupt() throws Exception {
		api.stubFor(get(anyUrl())
			.willReturn(okJson(ApiExamples.page("a", 1, "/v1/tokens?page=1&size=1")).withFixedDelay(5_000)));

		Outcome outcome = interruptWhileWaiting((ignored) -> {
			try (Stream<Token> tokens = this.client.listAll(1)) {
				tokens.iterator().hasNext();
			}
		});

		assertThat(outcome.interruptFlag()).as("interrupt flag").isTrue();
		assertInterrupted(outcome.thrown(), "tokens/list");
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(api.getAllServeEvents()).hasSizeLessThanOrEqualTo(1));
	}

	private static void assertInterrupted(Throwable thrown, String operation) {
		assertThat(thrown).isInstanceOf(LagrelloException.class)
			.hasMessageContaining(operation)
			.hasMessageContaining("interrupted")
			.cause()
			.isInstanceOf(InterruptedException.class);
	}

	private static Throwable catchThrown(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	/**
	 * Runs the call on a thread of its own and interrupts it once it waits.
	 */
	private static Outcome interruptWhileWaiting(Consumer<Void> call) throws Exception {
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			Throwable thrown = catchThrown(() -> call.accept(null));
			outcome.complete(new Outcome(thrown, Thread.currentThread().isInterrupted()));
		}, "blocking-caller");
		caller.start();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TIMED_WAITING);
		caller.interrupt();
		return outcome.get(10, TimeUnit.SECONDS);
	}

	private record Outcome(Throwable thrown, boolean interruptFlag) {
	}

}
