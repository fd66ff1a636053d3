package com.lagrello.test;

import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers a {@link FakeLagrelloServer} and its {@link FakeLagrelloConnectionDetails} as
 * beans, and turns the retry budget off unless the test turns it on. A record: its
 * equality is the test context cache's key, so tests with the same settings share a
 * context and its server.
 *
 * @param seedTokens how many tokens to generate besides the admin token
 */
record FakeLagrelloContextCustomizer(int seedTokens) implements ContextCustomizer {

	static final String SERVER_BEAN_NAME = "fakeLagrelloServer";

	static final String CONNECTION_DETAILS_BEAN_NAME = "fakeLagrelloConnectionDetails";

	static final String PROPERTY_SOURCE_NAME = "fakeLagrello";

	static final String ACCESS_TOKEN_PROPERTY_SOURCE_NAME = "fakeLagrelloAccessToken";

	static final String ACCESS_TOKEN = "lagrello.access-token";

	/**
	 * Off under the fake: the budget of a cached context's client would carry one test's
	 * outage into the next test's retries.
	 */
	static final String RETRY_BUDGET_ENABLED = "lagrello.retry.budget.enabled";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@AutoConfigureFakeLagrello needs a bean factory that is a "
					+ "BeanDefinitionRegistry, but got " + beanFactory.getClass().getName());
		}
		// lowest precedence: a test that sets it (to test the budget) wins
		context.getEnvironment()
			.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(RETRY_BUDGET_ENABLED, "false")));
		// the fake's token replaces the application's; one from an environment variable
		// that is not set here (a developer's machine, CI) must not stop the test
		if (context.getEnvironment().containsProperty(ACCESS_TOKEN)) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource(ACCESS_TOKEN_PROPERTY_SOURCE_NAME,
						Map.of(ACCESS_TOKEN, "replaced-by-the-fake-lagrello")));
		}
		int seeds = this.seedTokens;
		// bean definitions rather than singletons: the server starts with the context,
		// only if the context starts, and closes with it
		RootBeanDefinition server = new RootBeanDefinition(FakeLagrelloServer.class,
				() -> FakeLagrelloServer.builder().seedTokens(seeds).start());
		server.setDestroyMethodName("close");
		registry.registerBeanDefinition(SERVER_BEAN_NAME, server);
		RootBeanDefinition connectionDetails = new RootBeanDefinition(FakeLagrelloConnectionDetails.class,
				() -> new FakeLagrelloConnectionDetails(
						beanFactory.getBean(SERVER_BEAN_NAME, FakeLagrelloServer.class)));
		// the annotation says which API to use, even where the application defines its
		// own details
		connectionDetails.setPrimary(true);
		registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN_NAME, connectionDetails);
	}

}
