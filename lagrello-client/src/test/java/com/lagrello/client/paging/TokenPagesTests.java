package com.lagrello.client.paging;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lagrello.client.Paging;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link TokenPages} against page fetchers that answer on other threads or synchronously.
 */
class TokenPagesTests {

	private static final URI BASE = URI.create("https://api.lagrello.com");

	private static TokenList page(String name, String next) {
		Token token = new Token(name, name, "admin", java.time.Instant.EPOCH, List.of(Permission.READ));
		return new TokenList(List.of(token), new Paging(next, null));
	}

	@Test
	void cancellingReachesThePageRequestInFlight() {
		AtomicBoolean secondPageCancelled = new AtomicBoolean();
		AtomicBoolean secondPageRequested = new AtomicBoolean();
		java.util.function.Function<URI, Mono<TokenList>> retriever = (uri) -> uri.getQuery().contains("page=1")
				? Mono.<TokenList>never()
					.doOnSubscribe((s) -> secondPageRequested.set(true))
					.doOnCancel(() -> secondPageCancelled.set(true))
				: Mono.just(page("a", "/v1/tokens?page=1&size=1")).publishOn(Schedulers.parallel());

		StepVerifier.create(pages(10, 1, retriever).tokensFrom(URI.create(BASE + "/v1/tokens?size=1")))
			.expectNextCount(1)
			.then(() -> await().atMost(Duration.ofSeconds(5)).untilTrue(secondPageRequested))
			.thenCancel()
			.verify(Duration.ofSeconds(5));

		assertThat(secondPageCancelled).isTrue();
	}

	@Test
	void pagesAnsweredOnOtherThreadsAreEmittedInOrder() {
		java.util.function.Function<URI, Mono<TokenList>> retriever = (uri) -> {
			String query = uri.getQuery();
			int number = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 0;
			String next = (number < 49) ? "/v1/tokens?page=" + (number + 1) + "&size=1" : null;
			return Mono.just(page("t" + number, next)).publishOn(Schedulers.parallel());
		};

		StepVerifier
			.create(pages(100, 1, retriever).tokensFrom(URI.create(BASE + "/v1/tokens?size=1"))
				.map(Token::tokenName)
				.collectList())
			.assertNext((names) -> assertThat(names).hasSize(50)
				.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj((i) -> "t" + i).toList()))
			.verifyComplete();
	}

	@Test
	void pagesAnsweredSynchronouslyDoNotNestOneCallPerPage() {
		java.util.function.Function<URI, Mono<TokenList>> retriever = (uri) -> {
			String query = uri.getQuery();
			int number = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 0;
			String next = (number < 19_999) ? "/v1/tokens?page=" + (number + 1) + "&size=1" : null;
			return Mono.just(page("t" + number, next));
		};

		StepVerifier.create(pages(100_000, 1, retriever).tokensFrom(URI.create(BASE + "/v1/tokens?size=1")))
			.expectNextCount(20_000)
			.verifyComplete();
	}

	@Test
	void numberedPagesAnsweredSynchronouslyDoNotNestOneCallPerPage() {
		java.util.function.Function<URI, Mono<TokenList>> retriever = (uri) -> {
			String query = uri.getQuery();
			int number = query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 0;
			String next = (number < 19_999) ? BASE + "/v1/tokens?page=" + (number + 1) + "&size=1" : null;
			return Mono.just(page("t" + number, next));
		};

		StepVerifier.create(pages(100_000, 4, retriever).tokensFrom(URI.create(BASE + "/v1/tokens?size=1")))
			.expectNextCount(20_000)
			.verifyComplete();
	}

	private static TokenPages pages(int maxPages, int concurrency,
			java.util.function.Function<URI, Mono<TokenList>> retriever) {
		return new TokenPages(new PageLinks(BASE, false), maxPages, concurrency, BASE.resolve("/v1/tokens"),
				(link, turn) -> retriever.apply(link));
	}

}
