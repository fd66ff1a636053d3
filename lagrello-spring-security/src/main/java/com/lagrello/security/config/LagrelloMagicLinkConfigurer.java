package com.lagrello.security.config;

import com.lagrello.security.web.ApplicationPaths;
import com.lagrello.security.web.OneTimeTokenGenerationFailureFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.HttpSecurityBuilder;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ott.OneTimeTokenLoginConfigurer;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.util.Assert;

/**
 * The failure path of a magic-link request, for a servlet application that signs users in
 * with Lagrello's magic links through Spring Security's one-time-token login:
 *
 * <pre class="code">
 * http.formLogin(withDefaults())
 *     .oneTimeTokenLogin(withDefaults())
 *     .with(LagrelloMagicLinkConfigurer.lagrelloMagicLinks(), withDefaults());
 * </pre>
 *
 * Spring Security 7's one-time-token login has no failure handler for asking for a token:
 * when Lagrello cannot send the link (unreachable, a {@code 5xx}, a timeout: an
 * {@link AuthenticationServiceException}), the exception would escape the filter chain
 * and the servlet container would answer {@code 500}. With this configurer, the request
 * goes to a failure handler instead, by default a redirect to
 * {@value #DEFAULT_FAILURE_URL} that keeps the exception in the session, as form login
 * does for a failed sign-in; the failure is logged once, at {@code WARN}. An unknown user
 * is no failure: their request is answered as a known user's.
 * <p>
 * It acts on a chain that has {@code oneTimeTokenLogin()} only. With Spring Boot, the
 * starter applies it to every chain with the failure URL of
 * {@code lagrello.security.magic-link.failure-url}; apply it yourself to set a handler.
 * If the chain's one-time-token login asks for tokens at another URL
 * ({@code oneTimeTokenLogin(ott -> ott.tokenGeneratingUrl(...))}), give it here too.
 *
 * @param <H> the type of the security builder
 */
public final class LagrelloMagicLinkConfigurer<H extends HttpSecurityBuilder<H>>
		extends AbstractHttpConfigurer<LagrelloMagicLinkConfigurer<H>, H> {

	/** Where a magic-link request that could not be sent goes by default. */
	public static final String DEFAULT_FAILURE_URL = "/login?error";

	private String tokenGeneratingUrl = GenerateOneTimeTokenFilter.DEFAULT_GENERATE_URL;

	private String failureUrl = DEFAULT_FAILURE_URL;

	private @Nullable AuthenticationFailureHandler failureHandler;

	private LagrelloMagicLinkConfigurer() {
	}

	/**
	 * Returns a new configurer, to apply with
	 * {@code http.with(lagrelloMagicLinks(), ...)}.
	 * @param <H> the type of the security builder
	 * @return a configurer with the defaults
	 */
	public static <H extends HttpSecurityBuilder<H>> LagrelloMagicLinkConfigurer<H> lagrelloMagicLinks() {
		return new LagrelloMagicLinkConfigurer<>();
	}

	/**
	 * Sets the URL the one-time-token login asks for tokens at, when the chain moved it.
	 * Defaults to {@value GenerateOneTimeTokenFilter#DEFAULT_GENERATE_URL}.
	 * @param tokenGeneratingUrl the URL magic links are asked for at ({@code POST})
	 * @return this configurer
	 */
	public LagrelloMagicLinkConfigurer<H> tokenGeneratingUrl(String tokenGeneratingUrl) {
		Assert.hasText(tokenGeneratingUrl, "tokenGeneratingUrl cannot be null or empty");
		this.tokenGeneratingUrl = tokenGeneratingUrl;
		return this;
	}

	/**
	 * Redirects a request whose link could not be sent to this URL, keeping the exception
	 * in the session. Defaults to {@value #DEFAULT_FAILURE_URL}.
	 * @param failureUrl a path of this application, for example
	 * {@code /login?unavailable}
	 * @return this configurer
	 */
	public LagrelloMagicLinkConfigurer<H> failureUrl(String failureUrl) {
		Assert.isTrue(ApplicationPaths.isApplicationPath(failureUrl),
				() -> "failureUrl must be " + ApplicationPaths.REQUIREMENT);
		this.failureUrl = failureUrl;
		this.failureHandler = null;
		return this;
	}

	/**
	 * Hands a request whose link could not be sent to this handler instead of redirecting
	 * to the failure URL.
	 * @param failureHandler the failure handler
	 * @return this configurer
	 */
	public LagrelloMagicLinkConfigurer<H> failureHandler(AuthenticationFailureHandler failureHandler) {
		Assert.notNull(failureHandler, "failureHandler cannot be null");
		this.failureHandler = failureHandler;
		return this;
	}

	@Override
	public void configure(H http) {
		if (!hasOneTimeTokenLogin(http)) {
			return;
		}
		OneTimeTokenGenerationFailureFilter filter = new OneTimeTokenGenerationFailureFilter(
				getRequestMatcherBuilder().matcher(HttpMethod.POST, this.tokenGeneratingUrl), failureHandler());
		http.addFilterBefore(postProcess(filter), GenerateOneTimeTokenFilter.class);
	}

	@SuppressWarnings("unchecked")
	private static <H extends HttpSecurityBuilder<H>> boolean hasOneTimeTokenLogin(H http) {
		return http.getConfigurer(OneTimeTokenLoginConfigurer.class) != null;
	}

	private AuthenticationFailureHandler failureHandler() {
		return (this.failureHandler != null) ? this.failureHandler
				: new SimpleUrlAuthenticationFailureHandler(this.failureUrl);
	}

}
