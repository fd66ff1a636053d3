package com.lagrello.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Forgets the faults a test planned on the {@link FakeLagrelloServer} of
 * {@link AutoConfigureFakeLagrello} once it ends, so that a fault one test did not use up
 * cannot fail the next test of a cached context. Tokens and recorded requests are kept:
 * tests reset those with {@link FakeLagrelloServer#reset()} where they need to.
 */
public class FakeLagrelloFaultsTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Runs just after Spring's own listeners that clean up after a test method.
	 */
	@Override
	public int getOrder() {
		return 2000;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME)) {
			context.getBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME, FakeLagrelloServer.class).clearFaults();
		}
	}

}
