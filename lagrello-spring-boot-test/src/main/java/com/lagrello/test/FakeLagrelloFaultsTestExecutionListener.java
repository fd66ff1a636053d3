package com.lagrello.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Forgets the faults a test planned on the {@link FakeLagrelloServer} of
 * {@link AutoConfigureFakeLagrello} as soon as the test method returns, so that a fault
 * one test did not use up cannot fail the next test of a cached context, not even its own
 * {@code @AfterEach} methods. The rest of the server's state is reset before each test
 * ({@link FakeLagrelloResetTestExecutionListener}).
 */
public class FakeLagrelloFaultsTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Runs among the first after a test: before {@code @AfterEach} methods, whose
	 * clean-up calls should not meet the test's faults either.
	 */
	@Override
	public int getOrder() {
		return 2000;
	}

	@Override
	public void afterTestExecution(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME)) {
			context.getBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME, FakeLagrelloServer.class).clearFaults();
		}
	}

}
