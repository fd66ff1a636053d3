package com.lagrello.sample.login;

/**
 * Where lagrello-spring-security's TOTP factor page is, and what it sends.
 */
final class TotpPage {

	/** The page, as a redirect names it. */
	static final String URL = "/login/totp";

	/** The page with its error, as a redirect names it. */
	static final String ERROR_URL = "/login/totp?error";

	/** The page saying that the code could not be checked, as a redirect names it. */
	static final String UNAVAILABLE_URL = "/login/totp?unavailable";

	/** Where the code is posted. */
	static final String PROCESSING_URL = "/login/totp";

	/** The code's form field. */
	static final String CODE_PARAMETER = "code";

	private TotpPage() {
	}

}
