package com.lagrello.sample.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import com.lagrello.client.TotpEnrollment;
import com.lagrello.security.LagrelloTotpAuthenticationProvider;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A password, then a Lagrello TOTP code: Spring Security's multi-factor authentication
 * with Lagrello's TOTP factor, against the sample's embedded fake Lagrello. Each test
 * keeps one session, as a browser would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TotpTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Autowired
	private Accounts accounts;

	private final MockHttpSession session = new MockHttpSession();

	@AfterEach
	void clearFaults() {
		this.lagrello.clearFaults();
	}

	@Test
	void enrolmentShowsLagrellosQrCodeAndTheSecretOnceAndNeverInAUrl() throws Exception {
		String username = signedUp("kim");
		signInWithPassword(username);
		MvcResult enrolled = this.mvc.perform(post("/account/totp").with(csrf()).session(this.session))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andReturn();
		String page = enrolled.getResponse().getContentAsString();
		String secret = page.replaceAll("(?s).*<code class=\"secret\" id=\"secret\">([A-Z2-7=]+)</code>.*", "$1");
		assertThat(secret).matches("[A-Z2-7]+=*");
		String qrImage = page.replaceAll("(?s).*<img class=\"qr\" id=\"qr\" src=\"([^\"]+)\".*", "$1");
		assertThat(qrImage).startsWith(this.lagrello.baseUrl() + "/qr/");
		assertShowsAPng(URI.create(qrImage));
		assertThat(page).doesNotContainPattern("(href|src|action)=\"[^\"]*" + secret);
		// shown once: the account page says TOTP is on, and a second POST shows nothing
		this.mvc.perform(get("/account").session(this.session))
			.andExpect(content().string(containsString("TOTP is on")))
			.andExpect(content().string(not(containsString(secret))));
		this.mvc.perform(post("/account/totp").with(csrf()).session(this.session)).andExpect(redirectedUrl("/account"));
	}

	@Test
	void turningTotpOnNeedsASignedInUser() throws Exception {
		this.mvc.perform(post("/account/totp").with(csrf())).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aPasswordAloneDoesNotOpenTheTwoFactorPage() throws Exception {
		String username = enrolled("lee");
		signInWithPassword(username);
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectsTo(TotpPage.URL));
		this.mvc.perform(get("/account").session(this.session)).andExpect(status().isOk());
	}

	@Test
	void aMagicLinkAloneDoesNotOpenTheTwoFactorPage() throws Exception {
		String username = enrolled("max");
		this.mvc.perform(post("/ott/generate").with(csrf()).param("username", username));
		String link = this.lagrello.magicLinks(username).get(0);
		String token = link.substring(link.indexOf("token=") + "token=".length());
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token).session(this.session))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectsTo("/login?factor.type=password"));
	}

	@Test
	void aPasswordThenTheRightCodeOpensTheTwoFactorPage() throws Exception {
		String username = enrolled("ned");
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectedUrl("/login"));
		signInWithPassword(username);
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectsTo(TotpPage.URL));
		submitCode(this.lagrello.totpCode(username)).andExpect(redirectsTo("/secure"));
		this.mvc.perform(get("/secure").session(this.session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Two factors passed")))
			.andExpect(content().string(containsString(username)))
			.andExpect(content().string(containsString(FactorGrantedAuthority.PASSWORD_AUTHORITY + ", "
					+ LagrelloTotpAuthenticationProvider.FACTOR_TOTP_AUTHORITY)));
	}

	@Test
	void aWrongCodeStaysOut() throws Exception {
		String username = enrolled("ola");
		signInWithPassword(username);
		submitCode(wrong(this.lagrello.totpCode(username))).andExpect(redirectsTo(TotpPage.ERROR_URL));
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectsTo(TotpPage.URL));
	}

	@Test
	void aCodeIsGoodOnce() throws Exception {
		String username = enrolled("pia");
		signInWithPassword(username);
		String code = this.lagrello.totpCode(username);
		submitCode(code).andExpect(redirectsTo("/"));
		MockHttpSession other = new MockHttpSession();
		signInWithPassword(username, other);
		this.mvc.perform(post(TotpPage.PROCESSING_URL).with(csrf()).session(other).param(TotpPage.CODE_PARAMETER, code))
			.andExpect(redirectsTo(TotpPage.ERROR_URL));
	}

	@Test
	void lagrelloAnswering503IsNotAWrongCode() throws Exception {
		String username = enrolled("quinn");
		signInWithPassword(username);
		String code = this.lagrello.totpCode(username);
		this.lagrello.failNext(HttpMethod.GET, 1, FakeFault.status(503));
		submitCode(code).andExpect(redirectedUrl(TotpPage.UNAVAILABLE_URL));
		this.mvc.perform(get(TotpPage.UNAVAILABLE_URL).session(this.session))
			.andExpect(content().string(containsString("The code could not be checked")))
			.andExpect(content().string(not(containsString("Invalid code"))));
		this.mvc.perform(get("/secure").session(this.session)).andExpect(redirectsTo(TotpPage.URL));
		// the 503 did not use the code up
		submitCode(code).andExpect(redirectsTo("/secure"));
		this.mvc.perform(get("/secure").session(this.session)).andExpect(status().isOk());
	}

	private String signedUp(String prefix) {
		String username = TestUsers.unique(prefix);
		this.accounts.signUp(username, TestUsers.email(username), TestUsers.PASSWORD);
		return username;
	}

	private String enrolled(String prefix) {
		String username = signedUp(prefix);
		TotpEnrollment enrollment = this.accounts.enrolTotp(username);
		assertThat(enrollment.secretKey()).isNotBlank();
		return username;
	}

	private void signInWithPassword(String username) throws Exception {
		signInWithPassword(username, this.session);
	}

	private void signInWithPassword(String username, MockHttpSession session) throws Exception {
		this.mvc
			.perform(post("/login").with(csrf())
				.session(session)
				.param("username", username)
				.param("password", TestUsers.PASSWORD))
			.andExpect(status().isFound());
	}

	private org.springframework.test.web.servlet.ResultActions submitCode(String code) throws Exception {
		return this.mvc.perform(
				post(TotpPage.PROCESSING_URL).with(csrf()).session(this.session).param(TotpPage.CODE_PARAMETER, code));
	}

	/**
	 * A redirect to a URL of this application that starts so (a saved request's is
	 * absolute).
	 */
	// what a browser's <img> gets from the link: a PNG, without the application's token
	private static void assertShowsAPng(URI image) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(image).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("image/png");
		assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
	}

	private static ResultMatcher redirectsTo(String pathStart) {
		return header().string(HttpHeaders.LOCATION,
				matchesPattern("(http://localhost)?" + Pattern.quote(pathStart) + ".*"));
	}

	static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

}
