package com.lagrello.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code lagrello.pagination.concurrency} on the wire: page-number links are fetched
 * several at a time and emitted in order; any other link shape is followed one page at a
 * time.
 */
class ConcurrentPagingTests {

	private static final Duration DELAY = Duration.ofMillis(20);

	private LinkShapeServer server;

	@AfterEach
	void stop() {
		this.server.close();
	}

	private TokensClient client(int concurrency) {
		return TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken("paging-token")
			.paginationConcurrency(concurrency)
			.pageSize(5)
			.build();
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

		StepVerifier.create(client(8).listAll(5))
			.thenAwait(Duration.ofMillis(100))
			.thenCancel()
			.verify(Duration.ofSeconds(40));

		assertThat(this.server.uris()).hasSize(1);
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

}
