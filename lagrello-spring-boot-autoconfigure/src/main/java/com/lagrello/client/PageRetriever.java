package com.lagrello.client;

import java.net.URI;

import reactor.core.publisher.Mono;

/**
 * Fetches one page of tokens from an absolute URL: the one thing
 * {@link PagedTokenFlux} needs from the HTTP layer.
 */
@FunctionalInterface
interface PageRetriever {

	Mono<TokenList> retrieve(URI page);

}
