/**
 * A WebFlux application that manages Lagrello tokens through the injected
 * {@link com.lagrello.client.TokensClient}, with the {@code lagrello} health component
 * and, with {@code sample.demo=true}, a start-up demo.
 */
@NullMarked
package com.lagrello.sample.webflux;

import org.jspecify.annotations.NullMarked;
