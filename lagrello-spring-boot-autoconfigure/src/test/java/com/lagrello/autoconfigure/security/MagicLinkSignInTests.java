package com.lagrello.autoconfigure.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.AuthClient;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.RetryPolicy;
import jakarta.servlet.http.HttpSession;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ott.InvalidOneTimeTokenException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Magic-link sign-in on the wire: a servlet application whose only sign-in code is
 * {@code http.oneTimeTokenLogin(withDefaults())} beside its form login, with the
 * auto-configured beans, and WireMock standing in for Lagrello. An unknown user's link
 * request is indistinguishable from a known one's; a good link signs in; a wrong or used
 * link is refused; Lagrello failing is an {@link AuthenticationServiceException}, never a
 * wrong link, and a link request it fails goes to Spring Security's failure path, not to
 * the servlet container.
 */
@ExtendWith(OutputCaptureExtension.class)
class MagicLinkSignInTests {

	private static final String SLOW = "slow";

	@RegisterExtension
	static WireMockExtension lagrello = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LagrelloSecurityAutoConfiguration.class))
		.withUserConfiguration(SignInApplication.class)
		.withBean(LagrelloClient.class, () -> client(lagrello.baseUrl()));

	@Test
	void anUnknownUsersLinkRequestIsIndistinguishableFromAKnownOnes() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(aResponse().withStatus(204)));
		lagrello.stubFor(post(urlEqualTo("/v1/users/unknown/email")).willReturn(error(404)));
		run((mvc) -> {
			MockHttpServletResponse known = requestLink(mvc, "known").getResponse();
			MockHttpServletResponse unknown = requestLink(mvc, "unknown").getResponse();

			assertThat(known.getStatus()).isEqualTo(302);
			assertThat(known.getRedirectedUrl()).isEqualTo("/ott/sent");
			assertThat(unknown.getStatus()).isEqualTo(known.getStatus());
			assertThat(unknown.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl());
			assertThat(unknown.getContentAsString()).isEqualTo(known.getContentAsString());
			assertThat(headers(unknown)).isEqualTo(headers(known));
			assertThat(lagrello.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "503", "500", SLOW })
	void lagrelloFailingOnALinkRequestGoesToTheLoginPageWithAnError(String answer, CapturedOutput output) {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(answer(answer)));
		run((mvc) -> assertLinkRequestFailed(requestLink(mvc, "known"), output));
	}

	@Test
	void lagrelloRefusingTheConnectionOnALinkRequestGoesToTheLoginPageWithAnError(CapturedOutput output)
			throws IOException {
		String closed = "http://127.0.0.1:" + closedPort();
		this.runner.withAllowBeanDefinitionOverriding(true)
			.withBean(LagrelloClient.class, () -> client(closed))
			.run((context) -> assertLinkRequestFailed(requestLink(mvc(context), "known"), output));
	}

	@Test
	void aFailedLinkRequestGoesToTheConfiguredFailureUrl() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(error(503)));
		this.runner.withPropertyValues("lagrello.security.magic-link.failure-url=/sign-in?unavailable")
			.run((context) -> assertThat(requestLink(mvc(context), "known").getResponse().getRedirectedUrl())
				.isEqualTo("/sign-in?unavailable"));
	}

	@Test
	void aGoodLinkSignsTheUserIn() {
		lagrello.stubFor(get(urlPathEqualTo("/v1/users/email")).withQueryParam("payload", equalTo("good-token"))
			.willReturn(user("known")));
		run((mvc) -> {
			MvcResult result = redeem(mvc, "good-token");

			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
			Authentication signedIn = signedIn(result.getRequest().getSession(false));
			assertThat(signedIn.getName()).isEqualTo("known");
			assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.contains(FactorGrantedAuthority.OTT_AUTHORITY);
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 404 })
	void aWrongOrUsedLinkIsRefused(int status) {
		lagrello.stubFor(get(urlPathEqualTo("/v1/users/email")).willReturn(error(status)));
		run((mvc) -> {
			MvcResult result = redeem(mvc, "used-token");

			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
			HttpSession session = result.getRequest().getSession(false);
			assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
				.isInstanceOf(InvalidOneTimeTokenException.class);
			assertThat(signedIn(session)).isNull();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "503", "502", SLOW })
	void lagrelloFailingOnARedeemIsAnAuthenticationServiceExceptionNotAWrongLink(String answer) {
		lagrello.stubFor(get(urlPathEqualTo("/v1/users/email")).willReturn(answer(answer)));
		run((mvc) -> {
			MvcResult result = redeem(mvc, "secret-link-token");

			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
			HttpSession session = result.getRequest().getSession(false);
			assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
				.isInstanceOf(AuthenticationServiceException.class)
				.isNotInstanceOf(InvalidOneTimeTokenException.class)
				.asInstanceOf(InstanceOfAssertFactories.THROWABLE)
				.hasMessageNotContaining("secret-link-token");
			assertThat(signedIn(session)).isNull();
		});
	}

	@Test
	void theTenantsCallbackUrlLandsOnSpringSecuritysSubmitPage() {
		run((mvc) -> {
			String page = mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login/ott")
					.param("token", "token-from-the-e-mail"))
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(page).contains("action=\"/login/ott\"").contains("value=\"token-from-the-e-mail\"");
		});
	}

	@Test
	void theApplicationsPasswordLoginKeepsWorkingBeside() {
		run((mvc) -> {
			MvcResult result = mvc.perform(formLogin().user("known").password("password-of-known")).andReturn();

			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
			assertThat(signedIn(result.getRequest().getSession(false)).getAuthorities())
				.extracting(GrantedAuthority::getAuthority)
				.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY);
		});
	}

	private void run(MvcTest test) {
		this.runner.run((context) -> test.run(mvc(context)));
	}

	private static MockMvc mvc(AssertableWebApplicationContext context) {
		assertThat(context).hasNotFailed();
		return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context.getSourceApplicationContext())
			.apply(springSecurity())
			.build();
	}

	// Spring Security's failure path, as for a link that could not be redeemed: the
	// login page with an error, the failure in the session, nothing of it in the answer,
	// and one line in the log
	private static void assertLinkRequestFailed(MvcResult result, CapturedOutput output) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(headers(response).toString()).doesNotContainIgnoringCase("lagrello")
			.doesNotContain("users/email/send")
			.doesNotContain("sign-in-test-access-token");
		HttpSession session = result.getRequest().getSession(false);
		assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
			.isInstanceOf(AuthenticationServiceException.class);
		assertThat(signedIn(session)).isNull();
		assertThat(output.getOut().lines().filter((line) -> line.contains("No magic link sent")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("WARN")
			.contains("users/email/send")
			.doesNotContain("sign-in-test-access-token");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static MvcResult requestLink(MockMvc mvc, String username) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/ott/generate").param("username", username).with(csrf()))
			.andReturn();
	}

	private static MvcResult redeem(MockMvc mvc, String token) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post("/login/ott").param("token", token).with(csrf())).andReturn();
	}

	private static Map<String, Object> headers(MockHttpServletResponse response) {
		Map<String, Object> headers = new TreeMap<>();
		response.getHeaderNames().forEach((name) -> headers.put(name, response.getHeaders(name)));
		return headers;
	}

	private static Authentication signedIn(HttpSession session) {
		SecurityContext context = (session != null) ? (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) : null;
		return (context != null) ? context.getAuthentication() : null;
	}

	private static ResponseDefinitionBuilder answer(String answer) {
		return SLOW.equals(answer) ? aResponse().withStatus(204).withFixedDelay(3_000)
				: error(Integer.parseInt(answer));
	}

	private static ResponseDefinitionBuilder error(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"errorType\":\"E" + status + "\",\"message\":\"status " + status + "\"}");
	}

	private static ResponseDefinitionBuilder user(String userId) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"userId\":\"" + userId + "\"}");
	}

	static LagrelloClient client(String baseUrl) {
		return LagrelloClient.builder()
			.baseUrl(baseUrl)
			.accessToken("sign-in-test-access-token")
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(60)))
			.readTimeout(Duration.ofMillis(500))
			.build();
	}

	@FunctionalInterface
	interface MvcTest {

		void run(MockMvc mvc) throws Exception;

	}

	/** The application: form login and, with no further code, magic links. */
	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class SignInApplication {

		@Bean
		AuthClient authClient(LagrelloClient lagrelloClient) {
			return lagrelloClient.auth();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("known").password("{noop}password-of-known").roles("USER").build());
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/ott/sent").permitAll().anyRequest().authenticated())
				.formLogin(withDefaults())
				.oneTimeTokenLogin(withDefaults())
				.build();
		}

	}

}
