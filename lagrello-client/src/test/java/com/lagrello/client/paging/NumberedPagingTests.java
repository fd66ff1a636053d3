package com.lagrello.client.paging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.lagrello.client.Paging;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokenList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Numbered paging of {@link TokenPages} through its unit seam: cancel mid-drain, races
 * between downstream requests on other threads and answers, the fallback transition.
 */
class NumberedPagingTests {

	private static final URI BASE = URI.create("https://api.lagrello.com");

	private static int number(URI uri) {
		String query = uri.getQuery();
		if (query.contains("cursor=")) {
			return Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1"));
		}
		return query.contains("page=") ? Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1")) : 0;
	}

	private static TokenList page(int number, String next) {
		Token token = new Token("k" + number, "t" + number, "admin", Instant.EPOCH, List.of(Permission.READ));
		return new TokenList(List.of(token), new Paging(next, null));
	}

	private static TokenPages pages(int concurrency, Function<URI, Mono<TokenList>> fetch) {
		return new TokenPages(new PageLinks(BASE, false), 10_000, concurrency, BASE.resolve("/v1/tokens"),
				(link, turn) -> fetch.apply(link));
	}

	@Test
	void cancellingMidDrainCancelsEveryPageInFlightAndStartsNoOther() {
		AtomicInteger subscribed = new AtomicInteger();
		AtomicInteger cancelled = new AtomicInteger();
		Function<URI, Mono<TokenList>> fetch = (uri) -> (number(uri) == 0)
				? Mono.just(page(0, "/v1/tokens?page=1&size=1")).publishOn(Schedulers.parallel())
				: Mono.<TokenList>never()
					.doOnSubscribe((s) -> subscribed.incrementAndGet())
					.doOnCancel(cancelled::incrementAndGet);
		BaseSubscriber<Token> subscriber = new BaseSubscriber<>() {
		};
		pages(4, fetch).tokensFrom(URI.create(BASE + "/v1/tokens?size=1")).subscribe(subscriber);

		await().atMost(Duration.ofSeconds(5)).until(() -> subscribed.get() == 4);
		subscriber.cancel();
		subscriber.request(100);

		await().atMost(Duration.ofSeconds(5)).until(() -> cancelled.get() == 4);
		assertThat(subscribed).hasValue(4);
	}

	/**
	 * Downstream asks for one token at a time from another thread while answers arrive on
	 * others, and the links turn into cursors at page 20 (numbered, then the fallback):
	 * every token arrives, in order, and the drain completes (no lost wake-up between the
	 * demand gate's waiting request and numbered paging's listener).
	 */
	@RepeatedTest(40)
	void requestsOnOtherThreadsNeverStallTheDrain() {
		int last = 39;
		Function<URI, Mono<TokenList>> fetch = (uri) -> {
			int n = number(uri);
			String next = (n >= last) ? null
					: (n + 1 >= 20) ? "/v1/tokens?cursor=" + (n + 1) : "/v1/tokens?page=" + (n + 1) + "&size=1";
			return Mono.fromSupplier(() -> page(n, next)).subscribeOn(Schedulers.parallel());
		};
		List<String> names = new CopyOnWriteArrayList<>();
		AtomicReference<String> end = new AtomicReference<>();
		pages(4, fetch).tokensFrom(URI.create(BASE + "/v1/tokens?size=1")).subscribe(new BaseSubscriber<Token>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				Schedulers.boundedElastic().schedule(() -> request(1));
			}

			@Override
			protected void hookOnNext(Token token) {
				names.add(token.tokenName());
				Schedulers.boundedElastic().schedule(() -> request(1));
			}

			@Override
			protected void hookOnComplete() {
				end.set("complete");
			}

			@Override
			protected void hookOnError(Throwable failure) {
				end.set(failure.toString());
			}
		});

		await().atMost(Duration.ofSeconds(10)).until(() -> end.get() != null);
		assertThat(end.get()).isEqualTo("complete");
		assertThat(names).containsExactlyElementsOf(
				java.util.stream.IntStream.rangeClosed(0, last).mapToObj((i) -> "t" + i).toList());
	}

	@Test
	void listPagesFromMidWayWithConcurrencyGoesOnByNumber() {
		AtomicInteger mostAtOnce = new AtomicInteger();
		AtomicInteger atOnce = new AtomicInteger();
		List<Integer> asked = new CopyOnWriteArrayList<>();
		Function<URI, Mono<TokenList>> fetch = (uri) -> Mono.defer(() -> {
			int n = number(uri);
			asked.add(n);
			mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
			java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
			Runnable answered = () -> {
				if (once.compareAndSet(false, true)) {
					atOnce.decrementAndGet();
				}
			};
			return Mono.just(page(n, (n < 30) ? "/v1/tokens?page=" + (n + 1) + "&size=1" : null))
				.delayElement(Duration.ofMillis(5))
				// answered once its value is out, before it goes downstream
				.doOnEach((signal) -> answered.run())
				.doOnCancel(answered);
		});

		List<TokenList> got = pages(4, fetch).pagesFrom(URI.create(BASE + "/v1/tokens?page=10&size=1"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(got).extracting((p) -> p.data().get(0).tokenName())
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(10, 30).mapToObj((i) -> "t" + i).toList());
		assertThat(asked).doesNotContain(0, 9).first().isEqualTo(10);
		assertThat(mostAtOnce.get()).isBetween(2, 4);
	}

}
