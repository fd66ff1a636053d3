package com.lagrello.security.config;

import com.lagrello.client.AuthClient;
import com.lagrello.security.LagrelloOneTimeTokenService;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.RedirectOneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * A servlet application without Spring Boot that requires a password and Lagrello's TOTP
 * code for every page, as the README shows: form login, then
 * {@link LagrelloTotpConfigurer} with its defaults.
 */
final class TotpFactorApplication implements AutoCloseable {

	static final String PASSWORD = "password-of-u-1";

	private final AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();

	private final MockMvc mvc;

	/**
	 * Starts the application.
	 * @param auth the Lagrello client the application's {@code AuthClient} bean is
	 * @param configuration further configuration classes, the security chain among them
	 */
	TotpFactorApplication(AuthClient auth, Class<?>... configuration) {
		this.context.setServletContext(new MockServletContext());
		this.context.register(Application.class);
		this.context.register(configuration);
		this.context.addBeanFactoryPostProcessor((beans) -> beans.registerSingleton("authClient", auth));
		this.context.refresh();
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	MockMvc mvc() {
		return this.mvc;
	}

	/** The signed-in user the session holds, or {@code null}. */
	static Authentication signedIn(HttpSession session) {
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (context != null) ? context.getAuthentication() : null;
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class Application {

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("u-1").password("{noop}" + PASSWORD).roles("USER").build());
		}

		@Bean
		SecretController secretController() {
			return new SecretController();
		}

	}

	/** The chain of the README: form login, then the TOTP factor with its defaults. */
	@Configuration(proxyBeanMethods = false)
	@EnableMultiFactorAuthentication(
			authorities = { FactorGrantedAuthority.PASSWORD_AUTHORITY, LagrelloTotpConfigurerTests.FACTOR_TOTP })
	static class DefaultChain {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return chain(http, withDefaults());
		}

	}

	/** The same chain with the application's own code page. */
	@Configuration(proxyBeanMethods = false)
	@EnableMultiFactorAuthentication(
			authorities = { FactorGrantedAuthority.PASSWORD_AUTHORITY, LagrelloTotpConfigurerTests.FACTOR_TOTP })
	static class OwnCodePageChain {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return chain(http, (totp) -> totp.codePage("/my/totp"));
		}

	}

	/**
	 * Without multi-factor authentication for every page: the TOTP factor required for
	 * {@code /secret} only.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OnePageChain {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/secret")
					.hasAuthority(LagrelloTotpConfigurerTests.FACTOR_TOTP)
					.anyRequest()
					.authenticated())
				.formLogin(withDefaults())
				.with(LagrelloTotpConfigurer.lagrelloTotp(), withDefaults())
				.build();
		}

	}

	/**
	 * Form login and magic links without Spring Boot, with the failure path of a link
	 * request going to an application page.
	 */
	@Configuration(proxyBeanMethods = false)
	static class MagicLinkChain {

		static final String UNAVAILABLE_URL = "/login?unavailable";

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, AuthClient auth) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(withDefaults())
				.oneTimeTokenLogin((ott) -> ott.tokenService(new LagrelloOneTimeTokenService(auth))
					.tokenGenerationSuccessHandler(new RedirectOneTimeTokenGenerationSuccessHandler("/ott/sent")))
				.with(LagrelloMagicLinkConfigurer.lagrelloMagicLinks(),
						(links) -> links.failureHandler(new SimpleUrlAuthenticationFailureHandler(UNAVAILABLE_URL)))
				.build();
		}

	}

	static SecurityFilterChain chain(HttpSecurity http, Customizer<LagrelloTotpConfigurer<HttpSecurity>> totp) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(withDefaults())
			.with(LagrelloTotpConfigurer.lagrelloTotp(), totp)
			.build();
	}

	@RestController
	static class SecretController {

		@GetMapping("/secret")
		String secret(Authentication authentication) {
			return "the secret of " + authentication.getName();
		}

		@GetMapping("/home")
		String home(Authentication authentication) {
			return "the home of " + authentication.getName();
		}

	}

}
