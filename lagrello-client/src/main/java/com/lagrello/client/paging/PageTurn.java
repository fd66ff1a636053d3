package com.lagrello.client.paging;

import java.time.Duration;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/**
 * What a drain asks of the call that fetches one of its pages, beyond fetching it. A page
 * fetched ahead, while pages before it are still on their way, may turn out to lie beyond
 * the end or beyond a link that breaks the pattern; until its turn comes, a failed
 * attempt of it goes no further: it is neither retried nor reported, so that a page the
 * caller never sees sends nothing more and is recorded as cancelled, not as a failure.
 *
 * @param onRetryAfter told of each {@code Retry-After} the call waits for, so that the
 * drain holds back the pages not yet started
 * @param due completes once every page before this one has arrived and the drain goes on
 * to it; never, if the drain stops before
 */
public record PageTurn(Consumer<Duration> onRetryAfter, Mono<Void> due) {

	/** The turn of a page fetched when every page before it has arrived. */
	public static final PageTurn NOW = new PageTurn((wait) -> {
	}, Mono.empty());

}
