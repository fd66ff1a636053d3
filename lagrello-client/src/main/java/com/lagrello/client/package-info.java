/**
 * Reactive client for the Lagrello Tokens API.
 * <p>
 * {@link com.lagrello.client.TokensClient} is the entry point; build one with
 * {@link com.lagrello.client.TokensClient#builder()} or let the Spring Boot starter
 * inject one. Every failure it reports is a
 * {@link com.lagrello.client.LagrelloException}. This package has no Spring Boot
 * dependency.
 */
@NullMarked
package com.lagrello.client;

import org.jspecify.annotations.NullMarked;
