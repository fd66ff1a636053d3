package com.lagrello.autoconfigure.security;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.lagrello.client.AuthClient;
import com.lagrello.client.LagrelloClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.function.BodyInserters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Magic links in a WebFlux application whose only sign-in code is
 * {@code http.oneTimeTokenLogin(withDefaults())}, with the auto-configured beans and
 * WireMock standing in for Lagrello: a link request that Lagrello fails goes to the
 * failure URL, not to a {@code 500}; one it sends still goes to the sent page.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveMagicLinkSignInTests {

	@RegisterExtension
	static WireMockExtension lagrello = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LagrelloSecurityAutoConfiguration.class))
		.withUserConfiguration(ReactiveSignInApplication.class)
		.withBean(LagrelloClient.class, () -> MagicLinkSignInTests.client(lagrello.baseUrl()));

	@Test
	void lagrelloFailingOnALinkRequestGoesToTheLoginPageWithAnError(CapturedOutput output) {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(aResponse().withStatus(503)));
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = requestLink(context, "known");
			assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
			assertThat(result.getResponseHeaders().getLocation()).hasToString("/login?error");
			assertThat(result.getResponseBody()).isNullOrEmpty();
			assertThat(output.getOut().lines().filter((line) -> line.contains("No magic link sent")))
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains("WARN")
				.doesNotContain("sign-in-test-access-token");
		});
	}

	@Test
	void aFailedLinkRequestGoesToTheConfiguredFailureUrl() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(aResponse().withStatus(503)));
		this.runner.withPropertyValues("lagrello.security.magic-link.failure-url=/sign-in?unavailable")
			.run((context) -> assertThat(requestLink(context, "known").getResponseHeaders().getLocation())
				.hasToString("/sign-in?unavailable"));
	}

	@Test
	void aSentLinkStillGoesToTheSentPage() {
		lagrello.stubFor(post(urlEqualTo("/v1/users/known/email")).willReturn(aResponse().withStatus(204)));
		this.runner.run((context) -> {
			EntityExchangeResult<byte[]> result = requestLink(context, "known");
			assertThat(result.getStatus()).isEqualTo(HttpStatus.FOUND);
			assertThat(result.getResponseHeaders().getLocation()).hasToString("/ott/sent");
		});
	}

	private static EntityExchangeResult<byte[]> requestLink(AssertableReactiveWebApplicationContext context,
			String username) {
		assertThat(context).hasNotFailed();
		ApplicationContext application = context.getSourceApplicationContext();
		return WebTestClient.bindToApplicationContext(application)
			.apply(springSecurity())
			.configureClient()
			.build()
			.mutateWith(csrf())
			.post()
			.uri("/ott/generate")
			.body(BodyInserters.fromFormData("username", username))
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** The application: form login and, with no further code, magic links. */
	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@EnableWebFluxSecurity
	static class ReactiveSignInApplication {

		@Bean
		AuthClient authClient(LagrelloClient lagrelloClient) {
			return lagrelloClient.auth();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("known").password("{noop}password-of-known").roles("USER").build());
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange(
						(exchanges) -> exchanges.pathMatchers("/ott/sent").permitAll().anyExchange().authenticated())
				.formLogin(withDefaults())
				.oneTimeTokenLogin(withDefaults())
				.build();
		}

	}

}
