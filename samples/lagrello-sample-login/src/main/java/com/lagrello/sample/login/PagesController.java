package com.lagrello.sample.login;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pages that only show where the user stands.
 */
@Controller
class PagesController {

	@GetMapping("/")
	String home() {
		return "home";
	}

	/**
	 * Open only with both factors (see {@link SecurityConfiguration}).
	 */
	@GetMapping("/secure")
	String secure() {
		return "secure";
	}

	/**
	 * Where a magic-link request lands, whether or not the user exists.
	 */
	@GetMapping("/ott/sent")
	String magicLinkSent() {
		return "ott-sent";
	}

	/**
	 * Where sign-in goes when Lagrello cannot answer: not a wrong code or link.
	 */
	@GetMapping(SignInFailureHandler.UNAVAILABLE_URL)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String unavailable() {
		return "unavailable";
	}

}
