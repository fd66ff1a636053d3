package com.lagrello.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Applies {@link AutoConfigureFakeLagrello} to the test classes that carry it, also
 * through {@code @Nested} enclosing classes.
 */
class FakeLagrelloContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeLagrello annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeLagrello.class);
		return (annotation != null) ? new FakeLagrelloContextCustomizer(annotation.seedTokens()) : null;
	}

}
