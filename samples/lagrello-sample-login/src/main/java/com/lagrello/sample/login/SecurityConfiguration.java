package com.lagrello.sample.login;

import com.lagrello.security.LagrelloTotpAuthenticationProvider;
import com.lagrello.security.config.LagrelloMagicLinkConfigurer;
import com.lagrello.security.config.LagrelloTotpConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Who may open what, and how users sign in: a password (Spring Security's form login), a
 * Lagrello magic link (one-time-token login with the auto-configured
 * {@code LagrelloOneTimeTokenService}), and a Lagrello TOTP code as a second factor.
 * <p>
 * {@code @EnableMultiFactorAuthentication} makes every {@code authenticated()} rule ask
 * for both a password and a TOTP code: {@code /secure}. The account page, where TOTP is
 * turned on, must open with one factor, or nobody could turn it on: it asks only for a
 * signed-in user ({@link AuthenticatedAuthorizationManager} as it is, not the
 * multi-factor one).
 */
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = { FactorGrantedAuthority.PASSWORD_AUTHORITY,
		LagrelloTotpAuthenticationProvider.FACTOR_TOTP_AUTHORITY })
class SecurityConfiguration {

	@Bean
	SecurityFilterChain signIn(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/signup", "/ott/sent", "/mailbox", SignInFailureHandler.UNAVAILABLE_URL, "/error",
					"/sample.css")
			.permitAll()
			.requestMatchers("/account", "/account/**")
			.access(AuthenticatedAuthorizationManager.authenticated())
			.anyRequest()
			.authenticated());
		http.formLogin(Customizer.withDefaults());
		// Lagrello's magic links; a Lagrello that cannot answer is not a wrong link, and
		// a
		// link it could not send goes to the same failure path as one it could not redeem
		http.oneTimeTokenLogin((ott) -> ott.failureHandler(failures("/login?error")));
		http.with(LagrelloMagicLinkConfigurer.lagrelloMagicLinks(),
				(links) -> links.failureHandler(failures("/login?error")));
		// Lagrello's TOTP code as the second factor: its code page, POST /login/totp
		http.with(LagrelloTotpConfigurer.lagrelloTotp(), Customizer.withDefaults());
		return http.build();
	}

	/**
	 * The local password accounts (Lagrello keeps no passwords), in memory as the sample
	 * keeps everything. Also the {@code UserDetailsService} that one-time-token login
	 * loads a magic link's user from.
	 */
	@Bean
	InMemoryUserDetailsManager passwordAccounts() {
		return new InMemoryUserDetailsManager();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static AuthenticationFailureHandler failures(String refusedUrl) {
		return new SignInFailureHandler(new SimpleUrlAuthenticationFailureHandler(refusedUrl));
	}

}
