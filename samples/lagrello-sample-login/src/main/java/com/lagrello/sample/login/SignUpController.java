package com.lagrello.sample.login;

import java.util.Objects;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-up: a Lagrello user and a local password account.
 */
@Controller
class SignUpController {

	private final Accounts accounts;

	SignUpController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", new SignUpForm(null, null, null));
		return "signup";
	}

	@PostMapping("/signup")
	ModelAndView signUp(@ModelAttribute("form") SignUpForm form) {
		String problem = form.problem();
		if (problem == null) {
			try {
				this.accounts.signUp(Objects.requireNonNull(form.username()), Objects.requireNonNull(form.email()),
						Objects.requireNonNull(form.password()));
				return new ModelAndView("redirect:/?signedUp");
			}
			catch (Accounts.UsernameTakenException ex) {
				problem = ex.getMessage();
			}
		}
		ModelAndView page = new ModelAndView("signup", HttpStatus.BAD_REQUEST);
		page.addObject("problem", problem);
		return page;
	}

}
