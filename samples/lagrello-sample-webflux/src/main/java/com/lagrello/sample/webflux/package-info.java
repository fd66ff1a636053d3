/**
 * A WebFlux application that manages Lagrello tokens through the injected
 * {@link com.lagrello.client.TokensClient} and signs users up with TOTP through the
 * {@link com.lagrello.client.UsersClient} and {@link com.lagrello.client.AuthClient},
 * with the {@code lagrello} health component and, with {@code sample.demo=true}, a
 * start-up demo.
 */
@NullMarked
package com.lagrello.sample.webflux;

import org.jspecify.annotations.NullMarked;
