package com.lagrello.autoconfigure.health;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.autoconfigure.LagrelloProperties;
import com.lagrello.client.TokensClient;
import com.lagrello.health.LagrelloHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code lagrello} health indicator, when Spring Boot's health
 * support is present and {@code management.health.lagrello.enabled} is not {@code false}.
 */
@AutoConfiguration(after = LagrelloAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(TokensClient.class)
public final class LagrelloHealthContributorAutoConfiguration {

	// on the method, so that the class-level class check runs before this condition's
	// own class, which lives in spring-boot-health, is needed
	@Bean
	@ConditionalOnEnabledHealthIndicator("lagrello")
	@ConditionalOnMissingBean(name = { "lagrelloHealthIndicator", "lagrelloHealthContributor" })
	LagrelloHealthIndicator lagrelloHealthContributor(TokensClient tokensClient,
			LagrelloConnectionDetails connectionDetails, LagrelloProperties properties) {
		return new LagrelloHealthIndicator(tokensClient, connectionDetails.getBaseUrl(),
				properties.getHealth().getTimeout(), properties.getHealth().getInterval());
	}

}
