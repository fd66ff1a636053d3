package com.lagrello.sample.login;

import java.util.stream.Collectors;

import com.lagrello.test.FakeLagrelloServer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: whether someone is signed in, with which factors, and whether
 * the fake's mailbox is there to link to.
 */
@ControllerAdvice
class PageModel {

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final boolean mailbox;

	PageModel(ObjectProvider<FakeLagrelloServer> embeddedLagrello) {
		this.mailbox = embeddedLagrello.getIfAvailable() != null;
	}

	@ModelAttribute
	void addSignIn(@Nullable Authentication authentication, Model model) {
		boolean signedIn = trustResolver.isAuthenticated(authentication);
		model.addAttribute("signedIn", signedIn);
		model.addAttribute("mailbox", this.mailbox);
		if (signedIn && authentication != null) {
			model.addAttribute("username", authentication.getName());
			model.addAttribute("factors", factors(authentication));
		}
	}

	/**
	 * The factors the user passed, as Spring Security records them:
	 * {@code FACTOR_PASSWORD}, {@code FACTOR_OTT}, {@code FACTOR_TOTP}.
	 */
	static String factors(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith("FACTOR_"))
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
