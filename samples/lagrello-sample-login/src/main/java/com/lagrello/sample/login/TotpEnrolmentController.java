package com.lagrello.sample.login;

import com.lagrello.client.TotpEnrollment;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Turning TOTP on. The secret and its QR code are shown once, in the answer to the
 * {@code POST}: never in a URL of this application, nor anywhere to come back to.
 */
@Controller
class TotpEnrolmentController {

	private final Accounts accounts;

	TotpEnrolmentController(Accounts accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("hasTotp")
	boolean hasTotp(Authentication authentication) {
		return this.accounts.hasTotp(authentication.getName());
	}

	@GetMapping("/account")
	String account() {
		return "account";
	}

	@PostMapping("/account/totp")
	String enable(Authentication authentication, Model model) {
		if (this.accounts.hasTotp(authentication.getName())) {
			return "redirect:/account";
		}
		TotpEnrollment enrollment = this.accounts.enrolTotp(authentication.getName());
		model.addAttribute("enrollment", enrollment);
		return "totp-enrolled";
	}

}
