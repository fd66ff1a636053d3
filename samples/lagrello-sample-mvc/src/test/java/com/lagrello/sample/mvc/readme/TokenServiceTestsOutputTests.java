package com.lagrello.sample.mvc.readme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * A connection the fake closes on purpose ({@code FakeFault.responseLost()}) is what the
 * test planned, not news: its output has no warning or exception from the HTTP client.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenServiceTestsOutputTests {

	@Test
	void lostDeleteAnswerLeavesNoWarningInTheOutput(CapturedOutput output) {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request()
				.selectors(selectMethod(TokenServiceTests.class, "revokesATokenWhoseDeleteAnswerWasLost"))
				.build(), listener);
		assertThat(listener.getSummary().getTestsSucceededCount()).isOne();
		assertThat(output).doesNotContain("The connection observed an error").doesNotContain("PrematureCloseException");
	}

}
