package com.lagrello.sample.login.browser;

import com.lagrello.sample.login.TestUsers;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's sign-in paths in headless Chromium, against the sample on a random port
 * and its embedded fake Lagrello. Each path ends with a screenshot under
 * {@code target/screenshots/SignInBrowserTests/} and an assertion on what the page shows.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	private FakeLagrelloServer lagrello;

	private SampleSite site;

	@BeforeEach
	void openSite(@LocalServerPort int port) {
		this.site = new SampleSite(chromium, port);
	}

	@AfterEach
	void clearFaults() {
		this.lagrello.clearFaults();
	}

	@Test
	void aMagicLinkSignsIn() {
		String username = TestUsers.unique("magic");
		this.site.signUp(username);
		this.site.requestMagicLink(username);
		WebElement link = this.site.newestMagicLinkInMailbox(username);
		assertThat(link.getAttribute("href")).isEqualTo(this.lagrello.magicLinks(username).get(0));
		link.click();
		this.site.submitMagicLinkToken();
		this.site.waitForText(By.id("signed-in-as"), username);
		chromium.screenshot();
		assertThat(text(By.id("signed-in-as"))).isEqualTo("Signed in as " + username + " with FACTOR_OTT.");
	}

	@Test
	void aUsedMagicLinkIsRefused() {
		String username = TestUsers.unique("used");
		this.site.signUp(username);
		this.site.requestMagicLink(username);
		String link = this.site.newestMagicLinkInMailbox(username).getAttribute("href");
		this.site.driver().get(link);
		this.site.submitMagicLinkToken();
		this.site.waitForText(By.id("signed-in-as"), username);
		this.site.signOut();
		this.site.driver().get(link);
		this.site.submitMagicLinkToken();
		this.site.waitFor(By.cssSelector(".alert-danger"));
		chromium.screenshot();
		assertThat(text(By.cssSelector(".alert-danger"))).isEqualTo("Invalid credentials");
		this.site.open("/");
		assertThat(text(By.id("signed-out"))).isEqualTo("You are not signed in.");
	}

	@Test
	void aPasswordThenATotpCodeOpenTheTwoFactorPage() {
		String username = enrolledInTotpAndSignedOut("both");
		this.site.open("/secure");
		this.site.submitPassword(username);
		this.site.submitTotpCode(this.lagrello.totpCode(username));
		this.site.waitFor(By.id("two-factor"));
		chromium.screenshot();
		assertThat(text(By.id("two-factor"))).isEqualTo("Two factors passed");
		assertThat(text(By.id("signed-in-as")))
			.isEqualTo("Signed in as " + username + " with FACTOR_PASSWORD, FACTOR_TOTP.");
	}

	@Test
	void aWrongTotpCodeStaysOut() {
		String username = enrolledInTotpAndSignedOut("wrong");
		this.site.open("/secure");
		this.site.submitPassword(username);
		this.site.submitTotpCode(wrong(this.lagrello.totpCode(username)));
		this.site.waitFor(TotpPage.ALERT);
		chromium.screenshot();
		assertThat(text(TotpPage.ALERT)).isEqualTo(TotpPage.WRONG_CODE_TEXT);
		this.site.open("/secure");
		assertThat(this.site.driver().findElements(By.id("two-factor"))).isEmpty();
		this.site.waitFor(TotpPage.CODE_INPUT);
	}

	@Test
	void lagrelloAnswering503ShowsThatTheCodeCouldNotBeCheckedNotAWrongCode() {
		String username = enrolledInTotpAndSignedOut("down");
		this.site.open("/secure");
		this.site.submitPassword(username);
		this.site.waitFor(TotpPage.CODE_INPUT);
		// the code check is the next request to Lagrello: GET /v1/users/{userId}/totp
		this.lagrello.failNext(HttpMethod.GET, 1, FakeFault.status(503));
		this.site.submitTotpCode(this.lagrello.totpCode(username));
		this.site.waitFor(TotpPage.ALERT);
		chromium.screenshot();
		assertThat(text(TotpPage.ALERT)).isEqualTo(TotpPage.UNAVAILABLE_TEXT);
		assertThat(this.site.driver().getPageSource()).doesNotContain(TotpPage.WRONG_CODE_TEXT);
		this.site.open("/secure");
		assertThat(this.site.driver().findElements(By.id("two-factor"))).isEmpty();
	}

	/**
	 * Signs up, signs in with the password, turns TOTP on (the page shows its QR code
	 * from Lagrello and the secret, never in the application's own URL), signs out.
	 */
	private String enrolledInTotpAndSignedOut(String prefix) {
		String username = TestUsers.unique(prefix);
		this.site.signUp(username);
		this.site.signInWithPassword(username);
		String secret = this.site.enableTotp();
		assertThat(secret).matches("[A-Z2-7]+=*");
		assertThat(this.site.driver().getCurrentUrl()).doesNotContain(secret);
		// the QR code is Lagrello's link (qrImage), not one of this application's, and
		// shows: the fake serves its image itself
		assertThat(this.site.driver().findElement(By.id("qr")).getAttribute("src"))
			.startsWith(this.lagrello.baseUrl().toString())
			.doesNotStartWith(this.site.home())
			.doesNotContain(secret);
		this.site.waitForImage(By.id("qr"));
		chromium.screenshot();
		this.site.signOut();
		return username;
	}

	private String text(By element) {
		return this.site.driver().findElement(element).getText();
	}

	/**
	 * A six-digit code that is not the right one.
	 */
	private static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

}
