package com.lagrello.autoconfigure.health;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.health.LagrelloHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code lagrello} health indicator is defined.
 */
class LagrelloHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
				LagrelloHealthContributorAutoConfiguration.class))
		.withPropertyValues("lagrello.access-token=health-test-token");

	@Test
	void healthIndicatorIsNamedLagrello() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(LagrelloHealthIndicator.class)
			.hasBean("lagrelloHealthContributor"));
	}

	@Test
	void healthIndicatorIsAbsentWhenDisabled() {
		this.runner.withPropertyValues("management.health.lagrello.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LagrelloHealthIndicator.class));
	}

	@Test
	void healthIndicatorIsAbsentWhenHealthDefaultsAreDisabled() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LagrelloHealthIndicator.class));
	}

	@Test
	void healthIndicatorIsAbsentWithoutSpringBootHealthOnTheClassPath() {
		// imported as an application imports it, so that the class conditions filter it
		// out before its other conditions are read
		new ApplicationContextRunner().withUserConfiguration(ImportedAsAnApplicationDoes.class)
			.withPropertyValues("lagrello.access-token=health-test-token")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("tokensClient")
				.doesNotHaveBean("lagrelloHealthContributor"));
	}

	@Test
	void healthIndicatorIsPresentWhenImportedAsAnApplicationDoes() {
		new ApplicationContextRunner().withUserConfiguration(ImportedAsAnApplicationDoes.class)
			.withPropertyValues("lagrello.access-token=health-test-token")
			.run((context) -> assertThat(context).hasSingleBean(LagrelloHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class,
			LagrelloHealthContributorAutoConfiguration.class })
	static class ImportedAsAnApplicationDoes {

	}

	@Test
	void healthIndicatorBacksOffToTheApplicationsOwn() {
		this.runner.withBean("lagrelloHealthContributor", String.class, () -> "mine")
			.run((context) -> assertThat(context).doesNotHaveBean(LagrelloHealthIndicator.class));
	}

}
