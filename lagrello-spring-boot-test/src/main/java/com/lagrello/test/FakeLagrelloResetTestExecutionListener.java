package com.lagrello.test;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Resets the {@link FakeLagrelloServer} of {@link AutoConfigureFakeLagrello} before each
 * test method, unless {@link AutoConfigureFakeLagrello#resetBeforeEachTest()} is off: a
 * cached context's server would otherwise carry one test's tokens, users, TOTP secrets,
 * magic links, tenant changes and requests into the next, and tests would pass or fail by
 * the order they run in.
 */
public class FakeLagrelloResetTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Runs among the first before a test: before {@code @BeforeEach} methods, which may
	 * seed the fake for the test.
	 */
	@Override
	public int getOrder() {
		return 2000;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		AutoConfigureFakeLagrello annotation = TestContextAnnotationUtils
			.findMergedAnnotation(testContext.getTestClass(), AutoConfigureFakeLagrello.class);
		if (annotation == null || !annotation.resetBeforeEachTest()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context.containsBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME)) {
			context.getBean(FakeLagrelloContextCustomizer.SERVER_BEAN_NAME, FakeLagrelloServer.class).reset();
		}
	}

}
