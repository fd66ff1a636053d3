package com.lagrello.security.config;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.LagrelloClient;
import com.lagrello.security.LagrelloApi;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TOTP factor on the wire: a servlet application (MockMvc, no Spring Boot) that
 * requires a password and a TOTP code, with WireMock standing in for Lagrello. A user who
 * passed only the password cannot open a page; the right code opens it; a wrong code, or
 * a Lagrello that cannot answer, leaves the user out, the latter not as a wrong code.
 */
class LagrelloTotpConfigurerTests {

	static final String FACTOR_TOTP = "FACTOR_TOTP";

	/**
	 * What Spring Security's entry point adds to a factor's page when the factor is
	 * missing.
	 */
	private static final String MISSING_TOTP = "?factor.type=totp&factor.reason=missing";

	private static final String CODE_PAGE = "/login/totp" + MISSING_TOTP;

	@RegisterExtension
	static WireMockExtension lagrello = LagrelloApi.server();

	private static LagrelloClient client;

	private static TotpFactorApplication application;

	private final MockMvc mvc = application.mvc();

	@BeforeAll
	static void startApplication() {
		client = LagrelloApi.client(lagrello);
		application = new TotpFactorApplication(client.auth(), TotpFactorApplication.DefaultChain.class);
	}

	@AfterAll
	static void stopApplication() {
		application.close();
		client.close();
	}

	@Test
	void aUserWhoPassedOnlyThePasswordIsSentToTheCodePage() throws Exception {
		MockHttpSession session = signInWithPassword();

		this.mvc.perform(get("/secret").session(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(CODE_PAGE));
		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@Test
	void theDefaultCodePageAsksForTheCodeWithTheCsrfToken() throws Exception {
		MockHttpSession session = signInWithPassword();

		String page = this.mvc.perform(get("/login/totp").session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("<form class=\"login-form\" action=\"/login/totp\" method=\"post\">")
			.contains("name=\"code\"")
			.contains("name=\"_csrf\" type=\"hidden\"")
			.doesNotContain("alert");
	}

	@Test
	void theRightCodeOpensThePageTheUserAskedFor() throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1")
			.withQueryParam("payload", equalTo("123456"))
			.willReturn(LagrelloApi.user("u-1")));
		MockHttpSession session = signInWithPassword();
		this.mvc.perform(get("/secret").session(session)).andExpect(redirectedUrl(CODE_PAGE));

		this.mvc.perform(post("/login/totp").param("code", "123456").with(csrf()).session(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("http://localhost/secret?continue"));

		this.mvc.perform(get("/secret").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string("the secret of u-1"));
		Authentication signedIn = TotpFactorApplication.signedIn(session);
		assertThat(signedIn.getName()).isEqualTo("u-1");
		assertThat(signedIn.getCredentials()).isNull();
		assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("FACTOR_PASSWORD", FACTOR_TOTP, "ROLE_USER");
	}

	@Test
	void aWrongCodeStaysOutAndSaysSo() throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(401)));
		MockHttpSession session = signInWithPassword();

		MvcResult refused = this.mvc.perform(post("/login/totp").param("code", "000000").with(csrf()).session(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login/totp?error"))
			.andReturn();

		assertThat(lastFailure(refused)).isInstanceOf(BadCredentialsException.class);
		this.mvc.perform(get("/secret").session(session)).andExpect(redirectedUrl(CODE_PAGE));
		assertThat(TotpFactorApplication.signedIn(session).getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.doesNotContain(FACTOR_TOTP)
			.contains("FACTOR_PASSWORD");
		assertThat(page("/login/totp?error", session)).contains("Invalid code");
	}

	@ParameterizedTest
	@ValueSource(ints = { 503, 500 })
	void lagrelloFailingStaysOutAndIsNotAWrongCode(int status) throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(status)));
		assertLagrelloCouldNotAnswer();
	}

	@Test
	void aTimeoutStaysOutAndIsNotAWrongCode() throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.slow()));
		assertLagrelloCouldNotAnswer();
	}

	@Test
	void lagrelloRefusingTheConnectionStaysOutAndIsNotAWrongCode() throws Exception {
		try (LagrelloClient down = LagrelloApi.client("http://127.0.0.1:" + LagrelloApi.closedPort());
				TotpFactorApplication unreachable = new TotpFactorApplication(down.auth(),
						TotpFactorApplication.DefaultChain.class)) {
			assertLagrelloCouldNotAnswer(unreachable.mvc());
		}
	}

	@Test
	void theRightCodeGivesTheSessionANewIdAgainstSessionFixation() throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.user("u-1")));
		MockHttpSession session = signInWithPassword();
		String afterPassword = session.getId();

		// the session id the browser sends back, as a browser would: Spring Security
		// renews only a requested session id that is valid (spring-test 7.0.10 no
		// longer assumes one, spring-framework#36631)
		MvcResult verified = this.mvc
			.perform(post("/login/totp").param("code", "123456").with(csrf()).session(session).with((request) -> {
				request.setRequestedSessionId(afterPassword);
				return request;
			}))
			.andExpect(status().isFound())
			.andReturn();

		assertThat(verified.getRequest().getSession(false).getId()).isNotEqualTo(afterPassword);
	}

	@Test
	void aCodePostedWithoutTheCsrfTokenIsRefusedAndNotSent() throws Exception {
		MockHttpSession session = signInWithPassword();

		this.mvc.perform(post("/login/totp").param("code", "123456").session(session))
			.andExpect(status().isForbidden());

		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 503 })
	void theFailureKeptInTheSessionDoesNotHoldTheCode(int status) throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.status(status)));
		MockHttpSession session = signInWithPassword();

		MvcResult refused = this.mvc.perform(post("/login/totp").param("code", "654321").with(csrf()).session(session))
			.andExpect(status().isFound())
			.andReturn();

		AuthenticationException failure = (AuthenticationException) lastFailure(refused);
		assertThat(failure.getAuthenticationRequest()).isNotNull();
		assertThat(failure.getAuthenticationRequest().getCredentials()).isNull();
	}

	@Test
	void aCodeWithoutASignedInUserIsRefusedAndNotSent() throws Exception {
		this.mvc.perform(post("/login/totp").param("code", "123456").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login/totp?error"));

		assertThat(LagrelloApi.requests(lagrello)).isEmpty();
	}

	@Test
	void anApplicationsOwnCodePageReplacesTheDefaultOne() throws Exception {
		try (TotpFactorApplication own = new TotpFactorApplication(client.auth(),
				TotpFactorApplication.OwnCodePageChain.class)) {
			MockHttpSession session = signInWithPassword(own.mvc());

			own.mvc().perform(get("/secret").session(session)).andExpect(redirectedUrl("/my/totp" + MISSING_TOTP));
			own.mvc().perform(get("/login/totp").session(session)).andExpect(redirectedUrl("/my/totp" + MISSING_TOTP));
		}
	}

	@Test
	void withoutMultiFactorAuthenticationForEveryPageOnePageCanRequireTheFactor() throws Exception {
		lagrello.stubFor(LagrelloApi.verifyTotp("u-1").willReturn(LagrelloApi.user("u-1")));
		try (TotpFactorApplication onePage = new TotpFactorApplication(client.auth(),
				TotpFactorApplication.OnePageChain.class)) {
			MockMvc mvc = onePage.mvc();
			MockHttpSession session = signInWithPassword(mvc);
			mvc.perform(get("/home").session(session)).andExpect(content().string("the home of u-1"));
			mvc.perform(get("/secret").session(session)).andExpect(redirectedUrl(CODE_PAGE));

			mvc.perform(post("/login/totp").param("code", "123456").with(csrf()).session(session))
				.andExpect(redirectedUrl("http://localhost/secret?continue"));

			mvc.perform(get("/secret").session(session)).andExpect(content().string("the secret of u-1"));
			assertThat(TotpFactorApplication.signedIn(session).getAuthorities())
				.extracting(GrantedAuthority::getAuthority)
				.contains("FACTOR_PASSWORD", FACTOR_TOTP, "ROLE_USER");
		}
	}

	private void assertLagrelloCouldNotAnswer() throws Exception {
		assertLagrelloCouldNotAnswer(this.mvc);
	}

	// Spring Security's failure path, not a 500: the code page, saying the code could
	// not be checked, and still signed in with the password only
	private static void assertLagrelloCouldNotAnswer(MockMvc mvc) throws Exception {
		MockHttpSession session = signInWithPassword(mvc);

		MvcResult result = mvc.perform(post("/login/totp").param("code", "654321").with(csrf()).session(session))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login/totp?unavailable"))
			.andReturn();

		assertThat(lastFailure(result)).isInstanceOf(AuthenticationServiceException.class)
			.isNotInstanceOf(BadCredentialsException.class)
			.hasMessageNotContaining("654321");
		mvc.perform(get("/secret").session(session)).andExpect(redirectedUrl(CODE_PAGE));
		assertThat(page(mvc, "/login/totp?unavailable", session)).contains("could not be checked")
			.doesNotContain("Invalid code");
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return page(this.mvc, url, session);
	}

	private static String page(MockMvc mvc, String url, MockHttpSession session) throws Exception {
		return mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString();
	}

	private MockHttpSession signInWithPassword() throws Exception {
		return signInWithPassword(this.mvc);
	}

	private static MockHttpSession signInWithPassword(MockMvc mvc) throws Exception {
		MvcResult result = mvc.perform(formLogin().user("u-1").password(TotpFactorApplication.PASSWORD))
			.andExpect(status().isFound())
			.andReturn();
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		assertThat(TotpFactorApplication.signedIn(session).getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("FACTOR_PASSWORD")
			.doesNotContain(FACTOR_TOTP);
		return session;
	}

	private static Exception lastFailure(MvcResult result) {
		HttpSession session = result.getRequest().getSession(false);
		return (session != null) ? (Exception) session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
	}

}
