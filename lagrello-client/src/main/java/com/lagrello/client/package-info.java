/**
 * Reactive client for the Lagrello API: the API, its models and errors, and the
 * WebClient-based implementation the builders build.
 * <p>
 * {@link com.lagrello.client.TokensClient} is the entry point; build one with
 * {@link com.lagrello.client.TokensClient#builder()} (or a
 * {@link com.lagrello.client.LagrelloClient} root with
 * {@link com.lagrello.client.LagrelloClient#builder()}) or let the Spring Boot starter
 * inject one. Every failure it reports is a
 * {@link com.lagrello.client.LagrelloException}. Every default, limit and check of the
 * settings is declared once, in {@link com.lagrello.client.ClientOptions}. This package
 * has no Spring Boot dependency.
 * <p>
 * The subpackages are the implementation's, not API: {@code call} (the call pipeline) and
 * {@code paging} (following the server's page links).
 */
@NullMarked
package com.lagrello.client;

import org.jspecify.annotations.NullMarked;
