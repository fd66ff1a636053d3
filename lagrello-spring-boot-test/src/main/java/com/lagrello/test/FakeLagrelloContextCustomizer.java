package com.lagrello.test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers a {@link FakeLagrelloServer} and its {@link FakeLagrelloConnectionDetails} as
 * beans. A record: its equality is the test context cache's key, so tests with the same
 * settings share a context and its server.
 *
 * @param seedTokens how many tokens to generate besides the admin token
 */
record FakeLagrelloContextCustomizer(int seedTokens) implements ContextCustomizer {

	static final String SERVER_BEAN_NAME = "fakeLagrelloServer";

	static final String CONNECTION_DETAILS_BEAN_NAME = "fakeLagrelloConnectionDetails";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException("@AutoConfigureFakeLagrello needs a bean factory that is a "
					+ "BeanDefinitionRegistry, but got " + beanFactory.getClass().getName());
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
