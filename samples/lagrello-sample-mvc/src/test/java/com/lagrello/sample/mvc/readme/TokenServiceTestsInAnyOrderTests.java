package com.lagrello.sample.mvc.readme;

import java.util.Comparator;

import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link TokenServiceTests}, as the README prints it, passes whichever test runs first:
 * run through the JUnit Platform in alphabetical order and in the reverse.
 */
class TokenServiceTestsInAnyOrderTests {

	@ParameterizedTest
	@ValueSource(classes = { MethodOrderer.MethodName.class, ReverseMethodName.class })
	void passesInThisOrder(Class<? extends MethodOrderer> order) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(TokenServiceTests.class))
			.configurationParameter("junit.jupiter.testmethod.order.default", order.getName())
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		Launcher launcher = LauncherFactory.create();
		launcher.execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		assertThat(summary.getFailures()).as("failures")
			.extracting((failure) -> failure.getTestIdentifier().getDisplayName() + ": " + failure.getException())
			.isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(4);
	}

	/**
	 * The reverse of {@link MethodOrderer.MethodName}.
	 */
	static class ReverseMethodName implements MethodOrderer {

		@Override
		public void orderMethods(MethodOrdererContext context) {
			context.getMethodDescriptors()
				.sort(Comparator.comparing((MethodDescriptor method) -> method.getMethod().getName()).reversed());
		}

	}

}
