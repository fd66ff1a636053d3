package com.lagrello.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up without a Lagrello access token instead of a stack trace.
 */
class MissingAccessTokenFailureAnalyzer extends AbstractFailureAnalyzer<MissingAccessTokenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAccessTokenException cause) {
		return new FailureAnalysis(
				"The Lagrello client needs an access token, but 'lagrello.access-token' is missing" + " or blank.",
				"Set the property 'lagrello.access-token', for example in application.properties"
						+ " (lagrello.access-token=...) or as the environment variable LAGRELLO_ACCESS_TOKEN, or"
						+ " define a LagrelloConnectionDetails bean that supplies it.",
				cause);
	}

}
