package com.lagrello.security.web;

import com.lagrello.security.LagrelloTotpAuthenticationProvider;
import com.lagrello.security.LagrelloTotpAuthenticationToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;

/**
 * Processes the TOTP code a signed-in user posts ({@code POST /login/totp} by default,
 * parameter {@value #CODE_PARAMETER}): the second factor after the application's own
 * first one. It builds a {@link LagrelloTotpAuthenticationToken} for the current user's
 * name (the Lagrello {@code userId}) and the code, and has the
 * {@code AuthenticationManager} verify it with
 * {@link LagrelloTotpAuthenticationProvider}.
 * <p>
 * The verified factor is always added to the first one, as Spring Security's multi-factor
 * authentication adds factors: the result is the verified token carrying the first
 * factor's authorities besides {@code FACTOR_TOTP}. A wrong code, an unknown user or a
 * post without a signed-in user is refused; the signed-in user stays signed in with the
 * first factor only, and the code is erased from the refused token that the failure (kept
 * in the session by the default failure handler) holds. Usually set up by
 * {@code com.lagrello.security.config.LagrelloTotpConfigurer}.
 */
public final class LagrelloTotpAuthenticationFilter extends AbstractAuthenticationProcessingFilter {

	/** The URL the code is posted to, and the default code page's URL. */
	public static final String DEFAULT_PROCESSING_URL = "/login/totp";

	/** The request parameter that holds the code. */
	public static final String CODE_PARAMETER = "code";

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	/**
	 * Creates a filter that processes {@code POST /login/totp}.
	 */
	public LagrelloTotpAuthenticationFilter() {
		this(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, DEFAULT_PROCESSING_URL));
	}

	/**
	 * Creates a filter that processes the requests the matcher matches.
	 * @param requiresAuthenticationRequestMatcher the requests that post a code
	 */
	public LagrelloTotpAuthenticationFilter(RequestMatcher requiresAuthenticationRequestMatcher) {
		super(requiresAuthenticationRequestMatcher);
		// a code is only ever a further factor: it adds to the first, never replaces it
		setMfaEnabled(true);
	}

	/**
	 * Verifies the posted code for the signed-in user.
	 * @param request the request that posts the code
	 * @param response the response
	 * @return the verified factor
	 * @throws AuthenticationException if no user is signed in, or the code is refused or
	 * could not be checked
	 */
	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
			throws AuthenticationException {
		Authentication current = this.securityContextHolderStrategy.getContext().getAuthentication();
		if (!trustResolver.isAuthenticated(current)) {
			throw new InsufficientAuthenticationException("A TOTP code is a further factor: sign in first");
		}
		String code = request.getParameter(CODE_PARAMETER);
		LagrelloTotpAuthenticationToken token = LagrelloTotpAuthenticationToken.unauthenticated(current.getName(),
				(code != null) ? code.strip() : "");
		token.setDetails(this.authenticationDetailsSource.buildDetails(request));
		try {
			return getAuthenticationManager().authenticate(token);
		}
		catch (AuthenticationException ex) {
			// the failure holds this token as its request, and the failure handler keeps
			// it in the session: a code Lagrello could not check may still be good
			token.eraseCredentials();
			throw ex;
		}
	}

	/**
	 * Sets the strategy the signed-in user is read from and the result stored with.
	 * @param securityContextHolderStrategy the strategy
	 */
	@Override
	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "securityContextHolderStrategy cannot be null");
		super.setSecurityContextHolderStrategy(securityContextHolderStrategy);
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

}
