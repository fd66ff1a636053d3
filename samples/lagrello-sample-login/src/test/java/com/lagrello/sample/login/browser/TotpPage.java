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

	/** The page's error after a wrong code. */
	static final By WRONG_CODE = By.cssSelector(".alert-danger");

	/** What that error says. */
	static final String WRONG_CODE_TEXT = "Invalid TOTP code";

	private TotpPage() {
	}

}
