package com.lagrello.sample.login.browser;

import com.lagrello.sample.login.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a user does on the sample, step by step, in the browser. Every step waits, up to
 * {@link Chromium#DEADLINE}, for the page it leads to: no sleeps.
 */
final class SampleSite {

	private final Chromium chromium;

	private final String home;

	SampleSite(Chromium chromium, int port) {
		this.chromium = chromium;
		this.home = "http://localhost:" + port;
	}

	String home() {
		return this.home;
	}

	WebDriver driver() {
		return this.chromium.driver();
	}

	/**
	 * Opens a page of the sample.
	 */
	void open(String path) {
		driver().get(this.home + path);
	}

	/**
	 * Signs up through the form, then waits for the home page's welcome.
	 */
	void signUp(String username) {
		open("/signup");
		type(By.id("username"), username);
		type(By.id("email"), TestUsers.email(username));
		type(By.id("password"), TestUsers.PASSWORD);
		click(By.cssSelector("form[action$='/signup'] button[type=submit]"));
		waitFor(By.id("signed-up"));
	}

	/**
	 * Fills Spring Security's sign-in form (the password one): from the sign-in page, or
	 * wherever a protected page sent the user.
	 */
	void submitPassword(String username) {
		WebElement name = waitFor(By.id("username"));
		if (name.getAttribute("readonly") == null) {
			name.clear();
			name.sendKeys(username);
		}
		type(By.id("password"), TestUsers.PASSWORD);
		click(By.cssSelector("form.login-form:not(#ott-form) button[type=submit]"));
	}

	/**
	 * Signs in with the password from the sign-in page, then waits for the home page.
	 */
	void signInWithPassword(String username) {
		open("/login");
		submitPassword(username);
		waitForText(By.id("signed-in-as"), username);
	}

	/**
	 * Asks for a magic link on the sign-in page, then waits for "check your e-mail".
	 */
	void requestMagicLink(String username) {
		open("/login");
		type(By.id("ott-username"), username);
		click(By.cssSelector("#ott-form button[type=submit]"));
		waitFor(By.id("ott-sent"));
	}

	/**
	 * Opens the fake's mailbox from the "check your e-mail" page and returns the newest
	 * link sent to the user, as the page shows it.
	 */
	WebElement newestMagicLinkInMailbox(String username) {
		click(By.id("to-mailbox"));
		waitFor(By.id("mailbox-" + username));
		var links = driver().findElements(By.cssSelector("#mailbox-" + username + " a.magic-link"));
		return links.get(links.size() - 1);
	}

	/**
	 * On Spring Security's one-time-token page, where a magic link lands: submits the
	 * token it holds.
	 */
	void submitMagicLinkToken() {
		waitFor(By.id("token"));
		click(By.cssSelector("form.login-form button[type=submit]"));
	}

	/**
	 * Turns TOTP on from the account page and returns the secret shown once.
	 */
	String enableTotp() {
		open("/account");
		click(By.id("enable-totp"));
		return waitFor(By.id("secret")).getText();
	}

	/**
	 * Signs out with the button every page has, when signed in.
	 */
	void signOut() {
		open("/");
		click(By.id("sign-out"));
		waitFor(By.id("username"));
	}

	/**
	 * Types a code into the TOTP factor's page, where a missing factor sends the user,
	 * and submits it.
	 */
	void submitTotpCode(String code) {
		type(TotpPage.CODE_INPUT, code);
		click(TotpPage.SUBMIT);
	}

	WebElement waitFor(By element) {
		return wait(ExpectedConditions.visibilityOfElementLocated(element));
	}

	/**
	 * Waits until the image has loaded and has pixels: a link that does not resolve never
	 * gets there.
	 */
	void waitForImage(By image) {
		wait((driver) -> (Boolean) ((JavascriptExecutor) driver).executeScript(
				"const image = arguments[0]; return image.complete && image.naturalWidth > 0;",
				driver.findElement(image)));
	}

	void waitForText(By element, String text) {
		wait(ExpectedConditions.textToBePresentInElementLocated(element, text));
	}

	private <T> T wait(ExpectedCondition<T> condition) {
		return this.chromium.waitUpTo().until(condition);
	}

	private void type(By field, String text) {
		WebElement element = waitFor(field);
		element.clear();
		element.sendKeys(text);
	}

	private void click(By element) {
		wait(ExpectedConditions.elementToBeClickable(element)).click();
	}

}
