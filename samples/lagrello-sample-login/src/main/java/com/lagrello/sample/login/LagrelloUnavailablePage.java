package com.lagrello.sample.login;

import com.lagrello.client.LagrelloException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows the "unavailable" page, with {@code 503}, when a page's call to Lagrello fails
 * (sign-up, turning TOTP on).
 */
@ControllerAdvice
class LagrelloUnavailablePage {

	private static final Logger logger = LoggerFactory.getLogger(LagrelloUnavailablePage.class);

	@ExceptionHandler
	ModelAndView lagrelloFailed(LagrelloException ex) {
		// the client's messages hold no secret: no code, token or TOTP secret
		logger.warn("Lagrello failed: {}", ex.getMessage());
		return new ModelAndView("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
	}

}
