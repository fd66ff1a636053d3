package com.lagrello.sample.login.browser;

import org.openqa.selenium.By;

/**
 * What lagrello-spring-security's default TOTP code page shows, where a user who lacks
 * the TOTP factor is sent.
 */
final class TotpPage {

	/** The field the code goes in. */
	static final By CODE_INPUT = By.id("code");

	/** The button that sends it. */
	static final By SUBMIT = By.cssSelector("form.login-form button[type=submit]");

	/** The page's alert: a wrong code, or one that could not be checked. */
	static final By ALERT = By.cssSelector(".alert-danger");

	/** What the alert says after a wrong code. */
	static final String WRONG_CODE_TEXT = "Invalid code";

	/** What the alert says when Lagrello could not check the code. */
	static final String UNAVAILABLE_TEXT = "The code could not be checked just now. Please try again in a moment.";

	private TotpPage() {
	}

}
