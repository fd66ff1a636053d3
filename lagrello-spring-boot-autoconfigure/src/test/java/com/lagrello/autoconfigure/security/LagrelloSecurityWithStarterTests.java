package com.lagrello.autoconfigure.security;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.security.LagrelloOneTimeTokenService;
import com.lagrello.security.ReactiveLagrelloOneTimeTokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authentication.ott.reactive.ReactiveOneTimeTokenService;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the starter's own auto-configuration, the sign-in beans use the auto-configured
 * {@code AuthClient}: its base URL and access token, in servlet and reactive
 * applications.
 */
class LagrelloSecurityWithStarterTests {

	private static final String TOKEN = "sign-in-access-token-7";

	@RegisterExtension
	static WireMockExtension lagrello = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final AutoConfigurations STARTER = AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
			WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class, LagrelloSecurityAutoConfiguration.class);

	@Test
	void aServletApplicationSendsMagicLinksWithTheStartersClient() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/u-1/email")).willReturn(aResponse().withStatus(204)));
		new WebApplicationContextRunner().withConfiguration(STARTER)
			.withPropertyValues("lagrello.base-url=" + lagrello.baseUrl(), "lagrello.access-token=" + TOKEN)
			.run((context) -> {
				assertThat(context).getBean(OneTimeTokenService.class).isInstanceOf(LagrelloOneTimeTokenService.class);
				context.getBean(OneTimeTokenService.class).generate(new GenerateOneTimeTokenRequest("u-1"));
			});
		lagrello.verify(postRequestedFor(urlEqualTo("/v1/users/u-1/email")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

	@Test
	void aReactiveApplicationSendsMagicLinksWithTheStartersClient() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/u-2/email")).willReturn(aResponse().withStatus(204)));
		new ReactiveWebApplicationContextRunner().withConfiguration(STARTER)
			.withPropertyValues("lagrello.base-url=" + lagrello.baseUrl(), "lagrello.access-token=" + TOKEN)
			.run((context) -> {
				assertThat(context).getBean(ReactiveOneTimeTokenService.class)
					.isInstanceOf(ReactiveLagrelloOneTimeTokenService.class);
				context.getBean(ReactiveOneTimeTokenService.class)
					.generate(new GenerateOneTimeTokenRequest("u-2"))
					.block(Duration.ofSeconds(10));
			});
		lagrello.verify(postRequestedFor(urlEqualTo("/v1/users/u-2/email")).withHeader("Authorization",
				equalTo("Bearer " + TOKEN)));
	}

}
