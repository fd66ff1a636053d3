package com.lagrello.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of the auto-configured
 * {@link com.lagrello.client.LagrelloClient} only (so of all its API areas: tokens,
 * users, auth and tenant), after Spring Boot's own customizers and the connector and
 * codec settings of {@code lagrello.*}. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}. The base URL and the
 * {@code Authorization} and {@code Accept} headers are set after them, from the
 * connection details, so builder settings cannot override them; a filter that rewrites
 * request URLs could, so keep such filters away from this client. The connector of
 * {@code lagrello.*} is given to the client itself, not to this builder: a connector set
 * here is not used.
 */
@FunctionalInterface
public interface LagrelloClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder the client is built from
	 */
	void customize(WebClient.Builder builder);

}
