package com.lagrello.sample.login;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Tells a refused sign-in from one that Lagrello could not check. A wrong or used link or
 * code goes back to the page it came from, with its error; Lagrello unreachable, a
 * {@code 5xx} or a timeout (an {@link AuthenticationServiceException}) goes to the
 * "unavailable" page instead: the user typed nothing wrong, and is not signed in either.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	/** The page that says sign-in is unavailable. */
	static final String UNAVAILABLE_URL = "/sign-in-unavailable";

	private static final Logger logger = LoggerFactory.getLogger(SignInFailureHandler.class);

	private final AuthenticationFailureHandler refused;

	private final RedirectStrategy redirectStrategy = new DefaultRedirectStrategy();

	/**
	 * Creates a handler.
	 * @param refused what handles a refused link or code
	 */
	SignInFailureHandler(AuthenticationFailureHandler refused) {
		this.refused = refused;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof AuthenticationServiceException) {
			logger.warn("Sign-in could not be checked: {}", exception.getMessage());
			this.redirectStrategy.sendRedirect(request, response, UNAVAILABLE_URL);
			return;
		}
		this.refused.onAuthenticationFailure(request, response, exception);
	}

}
