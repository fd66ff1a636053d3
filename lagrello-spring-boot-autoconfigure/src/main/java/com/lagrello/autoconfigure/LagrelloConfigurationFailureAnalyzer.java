package com.lagrello.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link LagrelloConfigurationException} instead of a stack trace.
 */
class LagrelloConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<LagrelloConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LagrelloConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
