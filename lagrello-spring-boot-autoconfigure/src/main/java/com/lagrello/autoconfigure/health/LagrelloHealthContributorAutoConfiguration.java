package com.lagrello.autoconfigure.health;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.autoconfigure.LagrelloProperties;
import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;
import com.lagrello.health.LagrelloHealthIndicator;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the {@code lagrello} health contributor, when Spring Boot's
 * health support is present and {@code management.health.lagrello.enabled} is not
 * {@code false}: one indicator for the {@link TokensClient} bean, or a composite with one
 * per bean, by bean name, when the application has several (one per tenant or region,
 * say).
 */
@AutoConfiguration(after = LagrelloAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(TokensClient.class)
@ConditionalOnEnabledHealthIndicator("lagrello")
public final class LagrelloHealthContributorAutoConfiguration
		extends CompositeReactiveHealthContributorConfiguration<LagrelloHealthIndicator, TokensClient> {

	LagrelloHealthContributorAutoConfiguration(LagrelloConnectionDetails connectionDetails,
			LagrelloProperties properties) {
		super((client) -> new LagrelloHealthIndicator(client,
				// an application's own client may talk to another API than the
				// properties'
				(client instanceof WebClientTokensClient own) ? own.baseUrl() : connectionDetails.getBaseUrl(),
				properties.getHealth().getTimeout(), properties.getHealth().getInterval()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "lagrelloHealthIndicator", "lagrelloHealthContributor" })
	ReactiveHealthContributor lagrelloHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, TokensClient.class);
	}

}
