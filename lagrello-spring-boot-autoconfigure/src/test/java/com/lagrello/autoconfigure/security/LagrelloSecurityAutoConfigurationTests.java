package com.lagrello.autoconfigure.security;

import java.time.Instant;

import com.lagrello.client.AuthClient;
import com.lagrello.client.LagrelloClient;
import com.lagrello.security.LagrelloOneTimeTokenService;
import com.lagrello.security.ReactiveLagrelloOneTimeTokenService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.InMemoryOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authentication.ott.reactive.InMemoryReactiveOneTimeTokenService;
import org.springframework.security.authentication.ott.reactive.ReactiveOneTimeTokenService;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.server.authentication.ott.ServerOneTimeTokenGenerationSuccessHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LagrelloSecurityAutoConfiguration}: the beans of each kind of application, each
 * backing off for the application's own, none without {@code lagrello-spring-security} or
 * Spring Security, and never an {@code AuthenticationProvider}.
 */
class LagrelloSecurityAutoConfigurationTests {

	private static final OneTimeToken SENT = new DefaultOneTimeToken("t", "u-1", Instant.now());

	private static final AutoConfigurations AUTO_CONFIGURATION = AutoConfigurations
		.of(LagrelloSecurityAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATION)
		.withUserConfiguration(AuthClientConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATION)
		.withUserConfiguration(AuthClientConfiguration.class);

	@Test
	void aServletApplicationGetsLagrellosOneTimeTokenServiceAndTheSentPageRedirect() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(OneTimeTokenService.class)
				.getBean(OneTimeTokenService.class)
				.isInstanceOf(LagrelloOneTimeTokenService.class);
			assertThat(context).hasSingleBean(OneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(ReactiveOneTimeTokenService.class)
				.doesNotHaveBean(ServerOneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(AuthenticationProvider.class);
			assertThat(redirectAfterGeneration(context.getBean(OneTimeTokenGenerationSuccessHandler.class)))
				.isEqualTo("/ott/sent");
		});
	}

	@Test
	void aReactiveApplicationGetsTheReactiveServiceAndTheSentPageRedirect() {
		this.reactive.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveOneTimeTokenService.class)
				.getBean(ReactiveOneTimeTokenService.class)
				.isInstanceOf(ReactiveLagrelloOneTimeTokenService.class);
			assertThat(context).hasSingleBean(ServerOneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(OneTimeTokenService.class)
				.doesNotHaveBean(OneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(AuthenticationProvider.class);
			assertThat(redirectAfterGeneration(context.getBean(ServerOneTimeTokenGenerationSuccessHandler.class)))
				.isEqualTo("/ott/sent");
		});
	}

	@Test
	void theSentPageIsConfigurable() {
		this.servlet.withPropertyValues("lagrello.security.magic-link.sent-url=/check-your-mail")
			.run((context) -> assertThat(
					redirectAfterGeneration(context.getBean(OneTimeTokenGenerationSuccessHandler.class)))
				.isEqualTo("/check-your-mail"));
		this.reactive.withPropertyValues("lagrello.security.magic-link.sent-url=/check-your-mail")
			.run((context) -> assertThat(
					redirectAfterGeneration(context.getBean(ServerOneTimeTokenGenerationSuccessHandler.class)))
				.isEqualTo("/check-your-mail"));
	}

	@Test
	void eachServletBeanBacksOffForTheApplicationsOwn() {
		this.servlet.withBean(OneTimeTokenService.class, InMemoryOneTimeTokenService::new).run((context) -> {
			assertThat(context).getBean(OneTimeTokenService.class).isInstanceOf(InMemoryOneTimeTokenService.class);
			assertThat(context).hasSingleBean(OneTimeTokenGenerationSuccessHandler.class);
		});
		OneTimeTokenGenerationSuccessHandler own = (request, response, token) -> {
		};
		this.servlet.withBean(OneTimeTokenGenerationSuccessHandler.class, () -> own).run((context) -> {
			assertThat(context).getBean(OneTimeTokenGenerationSuccessHandler.class).isSameAs(own);
			assertThat(context).getBean(OneTimeTokenService.class).isInstanceOf(LagrelloOneTimeTokenService.class);
		});
	}

	@Test
	void theFailurePathBacksOffForTheApplicationsOwnBeanOfItsName() {
		Customizer<HttpSecurity> own = Customizer.withDefaults();
		this.servlet
			.withBean(LagrelloSecurityAutoConfiguration.MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME, Customizer.class,
					() -> own)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(LagrelloSecurityAutoConfiguration.MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
				.isSameAs(own));
		this.servlet.run((context) -> assertThat(context)
			.getBean(LagrelloSecurityAutoConfiguration.MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
			.isNotNull()
			.isNotSameAs(own));
	}

	@Test
	void theReactiveFailurePathBacksOffForTheApplicationsOwnBeanOfItsName() {
		Customizer<ServerHttpSecurity> own = Customizer.withDefaults();
		String name = LagrelloSecurityAutoConfiguration.SERVER_MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME;
		this.reactive.withBean(name, Customizer.class, () -> own)
			.run((context) -> assertThat(context).hasNotFailed().getBean(name).isSameAs(own));
		this.reactive.run((context) -> assertThat(context).getBean(name).isNotNull().isNotSameAs(own));
	}

	@Test
	void eachReactiveBeanBacksOffForTheApplicationsOwn() {
		this.reactive.withBean(ReactiveOneTimeTokenService.class, InMemoryReactiveOneTimeTokenService::new)
			.run((context) -> {
				assertThat(context).getBean(ReactiveOneTimeTokenService.class)
					.isInstanceOf(InMemoryReactiveOneTimeTokenService.class);
				assertThat(context).hasSingleBean(ServerOneTimeTokenGenerationSuccessHandler.class);
			});
		ServerOneTimeTokenGenerationSuccessHandler own = (exchange, token) -> Mono.empty();
		this.reactive.withBean(ServerOneTimeTokenGenerationSuccessHandler.class, () -> own).run((context) -> {
			assertThat(context).getBean(ServerOneTimeTokenGenerationSuccessHandler.class).isSameAs(own);
			assertThat(context).getBean(ReactiveOneTimeTokenService.class)
				.isInstanceOf(ReactiveLagrelloOneTimeTokenService.class);
		});
	}

	@Test
	void nothingWithoutLagrelloSpringSecurityOnTheClassPath() {
		this.servlet.withClassLoader(new FilteredClassLoader("com.lagrello.security."))
			.run((context) -> assertThat(context).doesNotHaveBean(OneTimeTokenService.class)
				.doesNotHaveBean(OneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(LagrelloSecurityProperties.class));
		this.reactive.withClassLoader(new FilteredClassLoader("com.lagrello.security."))
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveOneTimeTokenService.class)
				.doesNotHaveBean(ServerOneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(LagrelloSecurityProperties.class));
	}

	@Test
	void nothingWithoutSpringSecurityOnTheClassPath() {
		this.servlet.withClassLoader(new FilteredClassLoader("org.springframework.security."))
			.run((context) -> assertThat(context).doesNotHaveBean(LagrelloSecurityProperties.class));
	}

	@Test
	void nothingWithoutAnAuthClient() {
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATION)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OneTimeTokenService.class)
				.doesNotHaveBean(OneTimeTokenGenerationSuccessHandler.class));
	}

	@Test
	void nothingInAnApplicationThatIsNotAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATION)
			.withUserConfiguration(AuthClientConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(OneTimeTokenService.class)
				.doesNotHaveBean(ReactiveOneTimeTokenService.class)
				.doesNotHaveBean(OneTimeTokenGenerationSuccessHandler.class)
				.doesNotHaveBean(ServerOneTimeTokenGenerationSuccessHandler.class));
	}

	private static String redirectAfterGeneration(OneTimeTokenGenerationSuccessHandler handler) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handle(new MockHttpServletRequest("POST", "/ott/generate"), response, SENT);
		return response.getRedirectedUrl();
	}

	private static String redirectAfterGeneration(ServerOneTimeTokenGenerationSuccessHandler handler) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/ott/generate"));
		handler.handle(exchange, SENT).block();
		return String.valueOf(exchange.getResponse().getHeaders().getLocation());
	}

	/** The application's {@link AuthClient}, which nothing here calls. */
	@Configuration(proxyBeanMethods = false)
	static class AuthClientConfiguration {

		@Bean(destroyMethod = "close")
		LagrelloClient lagrelloClient() {
			return LagrelloClient.builder().baseUrl("http://localhost:9").accessToken("not-used").build();
		}

		@Bean
		AuthClient authClient(LagrelloClient lagrelloClient) {
			return lagrelloClient.auth();
		}

	}

}
