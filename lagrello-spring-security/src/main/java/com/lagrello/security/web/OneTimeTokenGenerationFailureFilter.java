package com.lagrello.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a magic-link request that could not be sent Spring Security's failure path: an
 * {@link AuthenticationFailureHandler}, as a sign-in that fails has, instead of an
 * exception that escapes the filter chain and ends as the servlet container's
 * {@code 500}.
 * <p>
 * Spring Security 7's {@link GenerateOneTimeTokenFilter} has no failure handler: when its
 * {@code OneTimeTokenService} throws (Lagrello unreachable, a {@code 5xx}, a timeout: an
 * {@code AuthenticationServiceException}), the exception leaves the chain. Placed just
 * before that filter, this one catches the {@link AuthenticationException} of the
 * requests that ask for a link, logs it once at {@code WARN} with its message (which
 * names the operation and the status, never a token or the access token) and hands it to
 * the failure handler, which keeps it from the browser: the default one redirects and
 * keeps the exception in the session, as form login's does. Usually set up by
 * {@code com.lagrello.security.config.LagrelloMagicLinkConfigurer}.
 */
public final class OneTimeTokenGenerationFailureFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(OneTimeTokenGenerationFailureFilter.class);

	private final RequestMatcher requestMatcher;

	private final AuthenticationFailureHandler failureHandler;

	/**
	 * Creates a filter for the requests that ask for a link.
	 * @param requestMatcher the requests {@link GenerateOneTimeTokenFilter} processes
	 * ({@code POST /ott/generate} by default)
	 * @param failureHandler what a request whose link could not be sent gets
	 */
	public OneTimeTokenGenerationFailureFilter(RequestMatcher requestMatcher,
			AuthenticationFailureHandler failureHandler) {
		Assert.notNull(requestMatcher, "requestMatcher cannot be null");
		Assert.notNull(failureHandler, "failureHandler cannot be null");
		this.requestMatcher = requestMatcher;
		this.failureHandler = failureHandler;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		if (!this.requestMatcher.matches(request)) {
			filterChain.doFilter(request, response);
			return;
		}
		try {
			filterChain.doFilter(request, response);
		}
		catch (AuthenticationException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			// the one line for this failure: the handler redirects, nothing else logs it
			logger.warn("No magic link sent: {}", ex.getMessage());
			this.failureHandler.onAuthenticationFailure(request, response, ex);
		}
	}

}
