package com.lagrello.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the auto-configured
 * {@link com.lagrello.client.TokensClient} only, after Spring Boot's own customizers and
 * the {@code lagrello.*} settings. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface LagrelloClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder the client is built from
	 */
	void customize(WebClient.Builder builder);

}
