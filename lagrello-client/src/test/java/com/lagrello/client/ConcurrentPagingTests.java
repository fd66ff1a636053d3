package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.lagrello.client.LinkShapeServer.Arrival;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code lagrello.pagination.concurrency} on the wire: page-number links are fetched
 * several at a time and emitted in order; any other link shape is followed one page at a
 * time.
 */
class ConcurrentPagingTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final Duration DELAY = Duration.ofMillis(20);

	private LinkShapeServer server;

	@AfterEach
	void stop() {
		this.server.close();
	}

	private TokensClient client(int concurrency) {
		return clients.add(TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken("paging-token")
			.paginationConcurrency(concurrency)
			.pageSize(5)
			.build());
	}

	private List<String> drain(int concurrency) {
		return client(concurrency).listAll().map(Token::tokenName).collectList().block(Duration.ofSeconds(30));
	}

	@Test
	void pageNumberLinksAreFetchedUpToTheConcurrencyAtOnceAndEmittedInOrder() {
		this.server = new LinkShapeServer(40, 5, DELAY);

		assertThat(drain(8)).isEqualTo(this.server.namesOf(IntStream.range(0, 40).toArray()));

		assertThat(this.server.mostInFlight()).isBetween(2, 8);
		// every page, plus at most the requests in flight beyond the last
		assertThat(this.server.uris()).hasSizeBetween(40, 40 + 8 - 1);
		assertThat(this.server.uris()).first().isEqualTo("/v1/tokens?size=5");
	}

	@Test
	void cursorLinksAreFollowedOnePageAtATime() {
		this.server = new LinkShapeServer(12, 5, DELAY).linking((page) -> "/v1/tokens?cursor=c" + page);

		assertThat(drain(8)).isEqualTo(this.server.namesOf(IntStream.range(0, 12).toArray()));

		assertThat(this.server.mostInFlight()).isEqualTo(1);
		assertThat(this.server.uris()).hasSize(12);
	}

	@Test
	void aLinkThatBreaksThePatternDropsThePagesFetchedAheadAndFollowsTheServer() {
		// page 3 links to page 7: pages 4 to 6 are never emitted
		this.server = new LinkShapeServer(10, 5, DELAY)
			.linking((page) -> "/v1/tokens?page=" + ((page == 4) ? 7 : page) + "&size=5");

		assertThat(drain(4)).isEqualTo(this.server.namesOf(0, 1, 2, 3, 7, 8, 9));

		assertThat(this.server.uris()).contains("/v1/tokens?page=7&size=5");
	}

	@Test
	void withConcurrencyTakingWithinTheFirstPageStillSendsOneRequest() {
		this.server = new LinkShapeServer(40, 5, DELAY);

		StepVerifier.create(client(8).listAll().take(2)).expectNextCount(2).verifyComplete();

		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.server.uris().size() == 1);
	}

	@Test
	void cancellingStopsEveryRequestInFlight() {
		this.server = new LinkShapeServer(40, 5, Duration.ofSeconds(30));
		this.server.linking((page) -> "/v1/tokens?page=" + page + "&size=5");

		// cancelled once the first page's request is at the server, however slow the
		// machine
		StepVerifier.create(client(8).listAll(5))
			.then(() -> await().atMost(Duration.ofSeconds(10)).until(() -> this.server.uris().size() == 1))
			.thenCancel()
			.verify(Duration.ofSeconds(40));

		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.server.uris().size() == 1);
	}

	@Test
	void aRateLimitedPageHoldsBackThePagesNotYetStarted() {
		this.server = new LinkShapeServer(12, 5, DELAY).rateLimitingOnce(1);

		assertThat(drain(4)).isEqualTo(this.server.namesOf(IntStream.range(0, 12).toArray()));

		// pages 1 to 4 went out at once; page 1 answered 429 with Retry-After: 1 and was
		// retried after it; no page beyond those in flight started before that retry
		List<String> uris = this.server.uris();
		int retryOfPage1 = uris.lastIndexOf("/v1/tokens?page=1&size=5");
		assertThat(uris.indexOf("/v1/tokens?page=1&size=5")).isLessThan(retryOfPage1);
		assertThat(uris.indexOf("/v1/tokens?page=5&size=5")).isGreaterThan(retryOfPage1);
	}

	/**
	 * The server counts pages from 0 (the first page links to {@code page=1}) or from 1
	 * (it links to {@code page=2}): either way the pages after the first are fetched by
	 * number, several at once, each once, emitted in order, and the drain stops at the
	 * end.
	 */
	@ParameterizedTest(name = "pages counted from {0}")
	@ValueSource(ints = { 0, 1 })
	void pagesAreFetchedByNumberWhicheverNumberTheFirstPageLinksTo(int firstNumber) {
		this.server = new LinkShapeServer(40, 5, DELAY);
		if (firstNumber == 1) {
			this.server.countingFromOne();
		}

		assertThat(drain(8)).isEqualTo(this.server.namesOf(IntStream.range(0, 40).toArray()));

		List<String> uris = this.server.uris();
		assertThat(this.server.mostInFlight()).isBetween(2, 8);
		assertThat(uris).first().isEqualTo("/v1/tokens?size=5");
		assertThat(uris).doesNotHaveDuplicates();
		assertThat(uris).containsAll(IntStream.range(1, 40)
			.mapToObj((page) -> "/v1/tokens?page=" + (page + firstNumber) + "&size=5")
			.toList());
		// every page, plus at most the requests in flight beyond the last
		assertThat(uris).hasSizeBetween(40, 40 + 8 - 1);
	}

	/**
	 * Page 3 is answered {@code 429 Retry-After: 1} at once while pages 1 to 8 are in
	 * flight (each answered 300 ms after it arrived), so pages 1 and 2 are emitted while
	 * page 3 waits: no page beyond those in flight (9 on) may reach the server before the
	 * retry of page 3. Compared by the server's own arrival times.
	 */
	@Test
	void aRetryAfterOnOnePageHoldsBackEveryPageNotYetStartedUntilItsRetry() {
		this.server = new LinkShapeServer(16, 5, Duration.ofMillis(300)).rateLimitingOnce(3, Duration.ZERO);

		assertThat(drain(8)).isEqualTo(this.server.namesOf(IntStream.range(0, 16).toArray()));

		List<Arrival> arrivals = this.server.arrivals();
		List<Arrival> page3 = arrivals.stream().filter((arrival) -> arrival.page() == 3).toList();
		assertThat(page3).as("page 3 and its retry").hasSize(2);
		long retryOfPage3 = page3.get(1).nanos();
		List<Arrival> notYetStarted = arrivals.stream().filter((arrival) -> arrival.page() > 8).toList();
		assertThat(notYetStarted).isNotEmpty()
			.allSatisfy((arrival) -> assertThat(arrival.nanos())
				.as("page %d arrived %d ms before the retry of page 3", arrival.page(),
						(retryOfPage3 - arrival.nanos()) / 1_000_000)
				.isGreaterThan(retryOfPage3));
	}

	/**
	 * The last page (19) is slow, and the pages fetched ahead beyond it are answered
	 * {@code 503} at once: they are not retried before the end is known, then cancelled.
	 */
	@Test
	void pagesFetchedAheadBeyondTheEndAreNotRetried() {
		this.server = new LinkShapeServer(20, 5, DELAY).answeringBeyondTheEnd(503).slowAt(19, Duration.ofMillis(500));

		List<String> names = observedClient(ObservationRegistry.NOOP).listAll()
			.map(Token::tokenName)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(names).isEqualTo(this.server.namesOf(IntStream.range(0, 20).toArray()));
		assertThat(this.server.uris()).as("at most pages + concurrency - 1 requests").hasSizeBetween(20, 20 + 8 - 1);
	}

	/**
	 * As above: the caller's drain records its own 20 pages as calls that succeeded, and
	 * the pages it never saw as {@code CANCELLED}, never as failures.
	 */
	@Test
	void pagesFetchedAheadBeyondTheEndAreNotRecordedAsFailedCalls() {
		this.server = new LinkShapeServer(20, 5, DELAY).answeringBeyondTheEnd(503).slowAt(19, Duration.ofMillis(500));
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

		List<String> names = observedClient(observations).listAll()
			.map(Token::tokenName)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(names).isEqualTo(this.server.namesOf(IntStream.range(0, 20).toArray()));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Map<String, Long> byOutcome = meters.find("lagrello.client.operations")
				.timers()
				.stream()
				.collect(Collectors.groupingBy((timer) -> timer.getId().getTag("outcome"),
						Collectors.summingLong(Timer::count)));
			assertThat(byOutcome).containsEntry("SUCCESS", 20L).containsOnlyKeys("SUCCESS", "CANCELLED");
		});
	}

	/**
	 * Page 5 fails ({@code 400}) at once while pages 1 to 4 take 300 ms: the caller still
	 * gets pages 0 to 4, then the failure, recorded once as the call that failed.
	 */
	@Test
	void aPageFetchedAheadThatFailsFailsTheDrainInItsTurn() {
		this.server = new LinkShapeServer(20, 5, Duration.ofMillis(300)).failingAt(5, 400, Duration.ZERO);
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

		StepVerifier.create(observedClient(observations).listAll().map(Token::tokenName))
			.expectNextSequence(this.server.namesOf(0, 1, 2, 3, 4))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.statusCode()).isEqualTo(400)))
			.verify(Duration.ofSeconds(30));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					meters.find("lagrello.client.operations").tag("outcome", "LagrelloApiException").timers())
				.singleElement()
				.extracting(Timer::count)
				.isEqualTo(1L));
	}

	private TokensClient observedClient(ObservationRegistry observations) {
		return clients.add(TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken("paging-token")
			.paginationConcurrency(8)
			.pageSize(5)
			.retryPolicy(TestClients.FAST_RETRIES)
			.observationRegistry(observations)
			.build());
	}

}
