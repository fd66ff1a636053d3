package com.lagrello.sample.login;

import java.net.URI;
import java.util.List;

import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Magic-link sign-in: Spring Security's one-time-token login with Lagrello's
 * {@code OneTimeTokenService}, against the sample's embedded fake Lagrello.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MagicLinkTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FakeLagrelloServer lagrello;

	@Autowired
	private Accounts accounts;

	@AfterEach
	void clearFaults() {
		this.lagrello.clearFaults();
	}

	@Test
	void theTenantsCallbackUrlIsThisApplicationsMagicLinkPage(@LocalServerPort int port) {
		assertThat(this.lagrello.tenant().callbackUrl()).isEqualTo("http://localhost:" + port + "/login/ott?token={}");
	}

	@Test
	void aMagicLinkSignsIn(@LocalServerPort int port) throws Exception {
		String username = signedUp("fay");
		requestLink(username).andExpect(redirectedUrl("/ott/sent"));
		List<String> links = this.lagrello.magicLinks(username);
		assertThat(links).hasSize(1).first().asString().startsWith("http://localhost:" + port + "/login/ott?token=");
		URI link = URI.create(links.get(0));
		String token = token(link);
		this.mvc.perform(get(link.getPath() + "?" + link.getRawQuery()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + token + "\"")));
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername(username)
				.withAuthentication((authentication) -> assertThat(authentication.getAuthorities())
					.extracting(GrantedAuthority::getAuthority)
					.containsExactlyInAnyOrder("ROLE_USER", FactorGrantedAuthority.OTT_AUTHORITY)));
	}

	@Test
	void aUsedLinkIsRefused() throws Exception {
		String username = signedUp("gus");
		requestLink(username);
		String token = token(URI.create(this.lagrello.magicLinks(username).get(0)));
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token)).andExpect(authenticated());
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void aWrongTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", "not-a-token"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	@Test
	void anUnknownUserGetsTheAnswerAKnownOneGets() throws Exception {
		MockHttpServletResponse known = requestLink(signedUp("hal")).andReturn().getResponse();
		String stranger = TestUsers.unique("nobody");
		MockHttpServletResponse unknown = requestLink(stranger).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(known.getStatus()).isEqualTo(302);
		assertThat(unknown.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl()).isEqualTo("/ott/sent");
		assertThat(unknown.getContentAsString()).isEqualTo(known.getContentAsString());
		assertThat(this.lagrello.user(stranger)).isEmpty();
	}

	@Test
	void lagrelloAnswering503WhileRedeemingShowsTheUnavailablePageAndTheLinkStillWorks() throws Exception {
		String username = signedUp("ida");
		requestLink(username);
		String token = token(URI.create(this.lagrello.magicLinks(username).get(0)));
		this.lagrello.failNext(HttpMethod.GET, 1, FakeFault.status(503));
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token))
			.andExpect(redirectedUrl(SignInFailureHandler.UNAVAILABLE_URL))
			.andExpect(unauthenticated());
		this.mvc.perform(get(SignInFailureHandler.UNAVAILABLE_URL))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Lagrello is unavailable")));
		// the 503 did not apply the redemption: the link signs in once Lagrello answers
		this.mvc.perform(post("/login/ott").with(csrf()).param("token", token))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	void lagrelloAnswering503WhileSendingALinkShowsTheUnavailablePageAndSendsNoLink() throws Exception {
		String username = signedUp("kim");
		this.lagrello.failNext(HttpMethod.POST, 1, FakeFault.status(503));
		requestLink(username).andExpect(redirectedUrl(SignInFailureHandler.UNAVAILABLE_URL))
			.andExpect(unauthenticated());
		assertThat(this.lagrello.magicLinks(username)).isEmpty();
		// asked again once Lagrello answers, the link is sent
		requestLink(username).andExpect(redirectedUrl("/ott/sent"));
		assertThat(this.lagrello.magicLinks(username)).hasSize(1);
	}

	@Test
	void theMailboxListsTheLinksSentToEachUser() throws Exception {
		String username = signedUp("jan");
		requestLink(username);
		requestLink(username);
		List<String> links = this.lagrello.magicLinks(username);
		assertThat(links).hasSize(2);
		this.mvc.perform(get("/mailbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)))
			.andExpect(content().string(containsString("href=\"" + links.get(0) + "\"")))
			.andExpect(content().string(containsString("href=\"" + links.get(1) + "\"")));
	}

	private String signedUp(String prefix) {
		String username = TestUsers.unique(prefix);
		this.accounts.signUp(username, TestUsers.email(username), TestUsers.PASSWORD);
		return username;
	}

	private org.springframework.test.web.servlet.ResultActions requestLink(String username) throws Exception {
		return this.mvc.perform(post("/ott/generate").with(csrf()).param("username", username));
	}

	private static String token(URI link) {
		String token = UriComponentsBuilder.fromUri(link).build().getQueryParams().getFirst("token");
		assertThat(token).isNotBlank();
		return token;
	}

}
