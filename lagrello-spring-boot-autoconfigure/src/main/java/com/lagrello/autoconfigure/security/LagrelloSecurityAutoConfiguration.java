package com.lagrello.autoconfigure.security;

import com.lagrello.autoconfigure.LagrelloAutoConfiguration;
import com.lagrello.client.AuthClient;
import com.lagrello.security.LagrelloOneTimeTokenService;
import com.lagrello.security.ReactiveLagrelloOneTimeTokenService;
import com.lagrello.security.config.LagrelloMagicLinkConfigurer;
import com.lagrello.security.web.server.ServerOneTimeTokenGenerationFailureWebFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authentication.ott.reactive.ReactiveOneTimeTokenService;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.authentication.ott.RedirectOneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.server.authentication.ott.ServerOneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.server.authentication.ott.ServerRedirectOneTimeTokenGenerationSuccessHandler;

/**
 * Sign-in with Lagrello's magic links through Spring Security's one-time-token login,
 * when {@code lagrello-spring-security} and Spring Security are on the class path: with
 * these beans, {@code http.oneTimeTokenLogin(withDefaults())} needs no further code. In a
 * servlet application, a {@link LagrelloOneTimeTokenService} and a
 * {@link OneTimeTokenGenerationSuccessHandler} that redirects to
 * {@code lagrello.security.magic-link.sent-url}; in a reactive one, a
 * {@link ReactiveLagrelloOneTimeTokenService} and a
 * {@link ServerOneTimeTokenGenerationSuccessHandler} that does the same. Each backs off
 * for the application's own bean of its type. A servlet application's chains also get
 * {@link LagrelloMagicLinkConfigurer}: a link request that Lagrello could not send is
 * redirected to {@code lagrello.security.magic-link.failure-url} instead of escaping the
 * filter chain as a {@code 500}; that customizer backs off for the application's own bean
 * named {@value #MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME}. A reactive application's
 * chains get {@link ServerOneTimeTokenGenerationFailureWebFilter}, which sends such a
 * request to the same URL (its customizer:
 * {@value #SERVER_MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME}).
 * <p>
 * It declares no {@code AuthenticationProvider} bean: Spring Security builds its global
 * {@code AuthenticationManager} from a lone provider bean and would drop the
 * application's own password login. The TOTP factor is set up in the application's
 * security configuration ({@code com.lagrello.security.config.LagrelloTotpConfigurer}).
 */
@AutoConfiguration(after = LagrelloAutoConfiguration.class)
@ConditionalOnClass({ LagrelloOneTimeTokenService.class, OneTimeTokenService.class })
@ConditionalOnBean(AuthClient.class)
@EnableConfigurationProperties(LagrelloSecurityProperties.class)
public final class LagrelloSecurityAutoConfiguration {

	/**
	 * The name of the {@code Customizer<HttpSecurity>} bean that applies
	 * {@link LagrelloMagicLinkConfigurer} to a servlet application's chains. It backs off
	 * for the application's own bean of this name: {@code Customizer.withDefaults()}
	 * leaves the failure path out.
	 */
	public static final String MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME = "lagrelloMagicLinkFailureCustomizer";

	/**
	 * The name of the {@code Customizer<ServerHttpSecurity>} bean that adds
	 * {@link ServerOneTimeTokenGenerationFailureWebFilter} to a reactive application's
	 * chains. It backs off for the application's own bean of this name:
	 * {@code Customizer.withDefaults()} leaves the failure path out.
	 */
	public static final String SERVER_MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME = "lagrelloServerMagicLinkFailureCustomizer";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(OneTimeTokenGenerationSuccessHandler.class)
	static class ServletMagicLinkConfiguration {

		@Bean
		@ConditionalOnMissingBean(OneTimeTokenService.class)
		LagrelloOneTimeTokenService lagrelloOneTimeTokenService(AuthClient auth) {
			return new LagrelloOneTimeTokenService(auth);
		}

		@Bean
		@ConditionalOnMissingBean(OneTimeTokenGenerationSuccessHandler.class)
		RedirectOneTimeTokenGenerationSuccessHandler lagrelloOneTimeTokenGenerationSuccessHandler(
				LagrelloSecurityProperties properties) {
			return new RedirectOneTimeTokenGenerationSuccessHandler(properties.getMagicLink().getSentUrl());
		}

		// a class of its own: spring-security-config is optional, and a bean method whose
		// return type is missing would fail the introspection of the whole class
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HttpSecurity.class)
		static class MagicLinkFailureConfiguration {

			// Spring Security 7 applies Customizer<HttpSecurity> beans to every
			// HttpSecurity it hands out: the failure path reaches the chains of
			// oneTimeTokenLogin(withDefaults()) without a line of the application's own
			@Bean(MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
			@ConditionalOnMissingBean(name = MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
			Customizer<HttpSecurity> lagrelloMagicLinkFailureCustomizer(LagrelloSecurityProperties properties) {
				String failureUrl = properties.getMagicLink().getFailureUrl();
				return (http) -> http.with(LagrelloMagicLinkConfigurer.lagrelloMagicLinks(),
						(links) -> links.failureUrl(failureUrl));
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerOneTimeTokenGenerationSuccessHandler.class)
	static class ReactiveMagicLinkConfiguration {

		@Bean
		@ConditionalOnMissingBean(ReactiveOneTimeTokenService.class)
		ReactiveLagrelloOneTimeTokenService reactiveLagrelloOneTimeTokenService(AuthClient auth) {
			return new ReactiveLagrelloOneTimeTokenService(auth);
		}

		@Bean
		@ConditionalOnMissingBean(ServerOneTimeTokenGenerationSuccessHandler.class)
		ServerRedirectOneTimeTokenGenerationSuccessHandler lagrelloServerOneTimeTokenGenerationSuccessHandler(
				LagrelloSecurityProperties properties) {
			return new ServerRedirectOneTimeTokenGenerationSuccessHandler(properties.getMagicLink().getSentUrl());
		}

		// a class of its own, as the servlet one
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ServerHttpSecurity.class)
		static class ServerMagicLinkFailureConfiguration {

			// Spring Security 7 applies Customizer<ServerHttpSecurity> beans to every
			// ServerHttpSecurity it hands out; the filter acts on link requests only
			@Bean(SERVER_MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
			@ConditionalOnMissingBean(name = SERVER_MAGIC_LINK_FAILURE_CUSTOMIZER_BEAN_NAME)
			Customizer<ServerHttpSecurity> lagrelloServerMagicLinkFailureCustomizer(
					LagrelloSecurityProperties properties) {
				ServerOneTimeTokenGenerationFailureWebFilter filter = ServerOneTimeTokenGenerationFailureWebFilter
					.redirectingTo(properties.getMagicLink().getFailureUrl());
				return (http) -> http.addFilterBefore(filter, SecurityWebFiltersOrder.ONE_TIME_TOKEN);
			}

		}

	}

}
