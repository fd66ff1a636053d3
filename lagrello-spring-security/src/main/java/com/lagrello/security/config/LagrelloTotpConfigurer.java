package com.lagrello.security.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.lagrello.client.AuthClient;
import com.lagrello.security.LagrelloTotpAuthenticationProvider;
import com.lagrello.security.web.DefaultTotpCodePageGeneratingFilter;
import com.lagrello.security.web.LagrelloTotpAuthenticationFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.HttpSecurityBuilder;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.ott.OneTimeTokenAuthenticationFilter;
import org.springframework.security.web.authentication.ui.DefaultOneTimeTokenSubmitPageGeneratingFilter;
import org.springframework.security.web.authentication.ui.DefaultResourcesFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.util.Assert;

/**
 * Lagrello's TOTP code as a further factor of a servlet application's sign-in, with
 * Spring Security's multi-factor authentication:
 *
 * <pre class="code">
 * &#64;EnableMultiFactorAuthentication(authorities = { FactorGrantedAuthority.PASSWORD_AUTHORITY, "FACTOR_TOTP" })
 * ...
 * http.formLogin(withDefaults())
 *     .with(LagrelloTotpConfigurer.lagrelloTotp(), withDefaults());
 * </pre>
 *
 * It registers a {@link LagrelloTotpAuthenticationProvider} with this
 * {@code HttpSecurity} (not as a bean, so the application's own sign-in keeps working),
 * the {@link LagrelloTotpAuthenticationFilter} that processes {@code POST /login/totp},
 * the {@link DefaultTotpCodePageGeneratingFilter} that shows the code page at
 * {@code GET /login/totp}, and sends a signed-in user who lacks the
 * {@value LagrelloTotpAuthenticationProvider#FACTOR_TOTP_AUTHORITY} factor to that page,
 * from where a right code returns them to the page they asked for. A wrong code comes
 * back to the page with {@code ?error}; Lagrello failing to answer with
 * {@code ?unavailable}, which is not a wrong code.
 * <p>
 * The current user's name is the Lagrello {@code userId} the code is verified for: the
 * first factor must name users by their Lagrello {@code userId}. The provider's
 * {@link AuthClient} is the one given to {@link #authClient(AuthClient)}, or else the
 * application context's {@code AuthClient} bean.
 *
 * @param <H> the type of the security builder
 */
public final class LagrelloTotpConfigurer<H extends HttpSecurityBuilder<H>>
		extends AbstractHttpConfigurer<LagrelloTotpConfigurer<H>, H> {

	private @Nullable AuthClient authClient;

	private String processingUrl = LagrelloTotpAuthenticationFilter.DEFAULT_PROCESSING_URL;

	private String codePage = LagrelloTotpAuthenticationFilter.DEFAULT_PROCESSING_URL;

	private boolean defaultCodePage = true;

	private @Nullable AuthenticationSuccessHandler successHandler;

	private @Nullable AuthenticationFailureHandler failureHandler;

	private LagrelloTotpConfigurer() {
	}

	/**
	 * Returns a new configurer, to apply with {@code http.with(lagrelloTotp(), ...)}.
	 * @param <H> the type of the security builder
	 * @return a configurer with the defaults
	 */
	public static <H extends HttpSecurityBuilder<H>> LagrelloTotpConfigurer<H> lagrelloTotp() {
		return new LagrelloTotpConfigurer<>();
	}

	/**
	 * Verifies codes with this client instead of the application context's
	 * {@code AuthClient} bean.
	 * @param authClient the Lagrello client for sign-in
	 * @return this configurer
	 */
	public LagrelloTotpConfigurer<H> authClient(AuthClient authClient) {
		Assert.notNull(authClient, "authClient cannot be null");
		this.authClient = authClient;
		return this;
	}

	/**
	 * Sets the URL the code is posted to. Defaults to {@code /login/totp}.
	 * @param processingUrl the processing URL
	 * @return this configurer
	 */
	public LagrelloTotpConfigurer<H> processingUrl(String processingUrl) {
		Assert.hasText(processingUrl, "processingUrl cannot be null or empty");
		this.processingUrl = processingUrl;
		return this;
	}

	/**
	 * Uses the application's own code page at this URL instead of the default one. The
	 * page posts a {@code code} parameter (and the CSRF token) to the processing URL, and
	 * shows the {@code error} and {@code unavailable} query parameters; the application
	 * lets users who passed their first factor open it.
	 * @param codePage the URL of the application's code page
	 * @return this configurer
	 */
	public LagrelloTotpConfigurer<H> codePage(String codePage) {
		Assert.hasText(codePage, "codePage cannot be null or empty");
		this.codePage = codePage;
		this.defaultCodePage = false;
		return this;
	}

	/**
	 * Sets what happens after a right code. Defaults to returning to the page that asked
	 * for the factor, as Spring Security's form login does.
	 * @param successHandler the success handler
	 * @return this configurer
	 */
	public LagrelloTotpConfigurer<H> successHandler(AuthenticationSuccessHandler successHandler) {
		Assert.notNull(successHandler, "successHandler cannot be null");
		this.successHandler = successHandler;
		return this;
	}

	/**
	 * Sets what happens after a refused code or a code that could not be checked.
	 * Defaults to the code page with {@code ?unavailable} for an
	 * {@link AuthenticationServiceException} and {@code ?error} otherwise.
	 * @param failureHandler the failure handler
	 * @return this configurer
	 */
	public LagrelloTotpConfigurer<H> failureHandler(AuthenticationFailureHandler failureHandler) {
		Assert.notNull(failureHandler, "failureHandler cannot be null");
		this.failureHandler = failureHandler;
		return this;
	}

	@Override
	public void init(H http) {
		http.authenticationProvider(postProcess(new LagrelloTotpAuthenticationProvider(authClient(http))));
		ExceptionHandlingConfigurer<H> exceptions = getExceptionHandling(http);
		if (exceptions != null) {
			exceptions.defaultDeniedHandlerForMissingAuthority(
					postProcess(new LoginUrlAuthenticationEntryPoint(this.codePage)),
					LagrelloTotpAuthenticationProvider.FACTOR_TOTP_AUTHORITY);
		}
	}

	@Override
	public void configure(H http) {
		LagrelloTotpAuthenticationFilter filter = new LagrelloTotpAuthenticationFilter(
				getRequestMatcherBuilder().matcher(HttpMethod.POST, this.processingUrl));
		filter.setAuthenticationManager(http.getSharedObject(AuthenticationManager.class));
		filter.setAuthenticationSuccessHandler(successHandler(http));
		filter.setAuthenticationFailureHandler(failureHandler());
		SessionAuthenticationStrategy sessionAuthenticationStrategy = http
			.getSharedObject(SessionAuthenticationStrategy.class);
		if (sessionAuthenticationStrategy != null) {
			filter.setSessionAuthenticationStrategy(sessionAuthenticationStrategy);
		}
		filter.setSecurityContextRepository(securityContextRepository(http));
		filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
		http.addFilterAfter(postProcess(filter), OneTimeTokenAuthenticationFilter.class);
		if (this.defaultCodePage) {
			DefaultTotpCodePageGeneratingFilter page = new DefaultTotpCodePageGeneratingFilter();
			page.setRequestMatcher(getRequestMatcherBuilder().matcher(HttpMethod.GET, this.codePage));
			page.setProcessingUrl(this.processingUrl);
			page.setResolveHiddenInputs(LagrelloTotpConfigurer::hiddenInputs);
			http.addFilterAfter(postProcess(page), DefaultOneTimeTokenSubmitPageGeneratingFilter.class);
			http.addFilter(DefaultResourcesFilter.css());
		}
	}

	private AuthClient authClient(H http) {
		if (this.authClient != null) {
			return this.authClient;
		}
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		AuthClient bean = (context != null) ? context.getBeanProvider(AuthClient.class).getIfUnique() : null;
		if (bean == null) {
			throw new IllegalStateException("""
					An AuthClient is required to verify TOTP codes with Lagrello.
					Please provide it as a bean or pass it to LagrelloTotpConfigurer.authClient(AuthClient).
					""");
		}
		return bean;
	}

	private AuthenticationSuccessHandler successHandler(H http) {
		if (this.successHandler != null) {
			return this.successHandler;
		}
		SavedRequestAwareAuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		RequestCache requestCache = http.getSharedObject(RequestCache.class);
		if (requestCache != null) {
			savedRequest.setRequestCache(requestCache);
		}
		return savedRequest;
	}

	private AuthenticationFailureHandler failureHandler() {
		if (this.failureHandler != null) {
			return this.failureHandler;
		}
		LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> byFailure = new LinkedHashMap<>();
		byFailure.put(AuthenticationServiceException.class, new SimpleUrlAuthenticationFailureHandler(
				withQuery(this.codePage, DefaultTotpCodePageGeneratingFilter.UNAVAILABLE_PARAMETER)));
		return new DelegatingAuthenticationFailureHandler(byFailure, new SimpleUrlAuthenticationFailureHandler(
				withQuery(this.codePage, DefaultTotpCodePageGeneratingFilter.ERROR_PARAMETER)));
	}

	private static String withQuery(String url, String parameter) {
		return url + ((url.indexOf('?') < 0) ? "?" : "&") + parameter;
	}

	@SuppressWarnings("unchecked")
	private static <H extends HttpSecurityBuilder<H>> @Nullable ExceptionHandlingConfigurer<H> getExceptionHandling(
			H http) {
		return http.getConfigurer(ExceptionHandlingConfigurer.class);
	}

	// where the signed-in user is kept between requests: the application's repository,
	// or the one SecurityContextConfigurer falls back to (request attribute, then
	// session)
	private static SecurityContextRepository securityContextRepository(HttpSecurityBuilder<?> http) {
		SecurityContextRepository repository = http.getSharedObject(SecurityContextRepository.class);
		return (repository != null) ? repository : new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
	}

	private static Map<String, String> hiddenInputs(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		return (token != null) ? Collections.singletonMap(token.getParameterName(), token.getToken())
				: Collections.emptyMap();
	}

}
