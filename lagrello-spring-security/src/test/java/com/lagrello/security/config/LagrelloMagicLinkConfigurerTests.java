package com.lagrello.security.config;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.LagrelloClient;
import com.lagrello.security.LagrelloApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The failure path of a magic-link request without Spring Boot: one-time-token login with
 * Lagrello's service and {@link LagrelloMagicLinkConfigurer} with the application's own
 * failure handler, WireMock standing in for Lagrello.
 */
class LagrelloMagicLinkConfigurerTests {

	@RegisterExtension
	static WireMockExtension lagrello = LagrelloApi.server();

	private static LagrelloClient client;

	private static TotpFactorApplication application;

	@BeforeAll
	static void startApplication() {
		client = LagrelloApi.client(lagrello);
		application = new TotpFactorApplication(client.auth(), TotpFactorApplication.MagicLinkChain.class);
	}

	@AfterAll
	static void stopApplication() {
		application.close();
		client.close();
	}

	@Test
	void aLinkLagrelloCouldNotSendGoesToTheApplicationsFailureHandler() throws Exception {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(503)));

		MvcResult result = application.mvc()
			.perform(post("/ott/generate").param("username", "u-1").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(TotpFactorApplication.MagicLinkChain.UNAVAILABLE_URL))
			.andReturn();

		assertThat(result.getRequest().getSession(false).getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
			.isInstanceOf(AuthenticationServiceException.class);
		assertThat(result.getResponse().getContentAsString()).isEmpty();
	}

	@Test
	void aSentLinkStillGoesToTheSuccessHandler() throws Exception {
		lagrello.stubFor(LagrelloApi.sendMagicLink("u-1").willReturn(LagrelloApi.status(204)));

		application.mvc()
			.perform(post("/ott/generate").param("username", "u-1").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/ott/sent"));
	}

	@Test
	void aFailureUrlThatLeavesTheApplicationIsRefused() {
		LagrelloMagicLinkConfigurer<?> links = LagrelloMagicLinkConfigurer.lagrelloMagicLinks();

		for (String url : new String[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "login" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> links.failureUrl(url))
				.withMessageContaining("a path of this application");
		}
	}

}
