package com.lagrello.autoconfigure.security;

import com.lagrello.security.config.LagrelloMagicLinkConfigurer;
import com.lagrello.security.web.ApplicationPaths;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of sign-in with Lagrello through Spring Security, bound from
 * {@code lagrello.security.*}. The pages a magic-link request redirects to must be paths
 * of the application ({@link ApplicationPaths}): any other value stops start-up with a
 * failure analysis naming the property, not an open redirect.
 */
@ConfigurationProperties("lagrello.security")
public class LagrelloSecurityProperties implements Validator {

	private final MagicLink magicLink = new MagicLink();

	public MagicLink getMagicLink() {
		return this.magicLink;
	}

	/**
	 * Validates these properties and their {@link MagicLink} group, which Spring Boot
	 * validates on its own, under its own name, so that the failure analysis shows where
	 * a rejected value came from.
	 * @param type the type of the bound object
	 * @return whether it is validated here
	 */
	@Override
	public boolean supports(Class<?> type) {
		return LagrelloSecurityProperties.class.isAssignableFrom(type) || MagicLink.class.equals(type);
	}

	/**
	 * Refuses a redirect URL that is not a path of the application.
	 * @param target these properties or their {@link MagicLink} group
	 * @param errors where to report
	 */
	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof LagrelloSecurityProperties properties) {
			errors.pushNestedPath("magicLink");
			try {
				validateMagicLink(properties.getMagicLink(), errors);
			}
			finally {
				errors.popNestedPath();
			}
		}
		else if (target instanceof MagicLink magicLink) {
			validateMagicLink(magicLink, errors);
		}
	}

	private static void validateMagicLink(MagicLink magicLink, Errors errors) {
		applicationPath("sentUrl", magicLink.getSentUrl(), errors);
		applicationPath("failureUrl", magicLink.getFailureUrl(), errors);
	}

	private static void applicationPath(String field, String url, Errors errors) {
		if (!ApplicationPaths.isApplicationPath(url)) {
			errors.rejectValue(field, "applicationPath", "must be " + ApplicationPaths.REQUIREMENT
					+ ", for example /ott/sent; a URL to another host would make sign-in an open redirect");
		}
	}

	/**
	 * Sign-in with Lagrello's e-mailed magic links (Spring Security's one-time-token
	 * login).
	 */
	public static class MagicLink {

		/**
		 * Page the browser is sent to after asking for a magic link, the same whether or
		 * not the user exists.
		 */
		private String sentUrl = "/ott/sent";

		/**
		 * Page the browser is sent to when Lagrello could not send the magic link
		 * (unreachable, a 5xx, a timeout); a servlet application keeps the failure in the
		 * session.
		 */
		private String failureUrl = LagrelloMagicLinkConfigurer.DEFAULT_FAILURE_URL;

		public String getSentUrl() {
			return this.sentUrl;
		}

		public void setSentUrl(String sentUrl) {
			this.sentUrl = sentUrl;
		}

		public String getFailureUrl() {
			return this.failureUrl;
		}

		public void setFailureUrl(String failureUrl) {
			this.failureUrl = failureUrl;
		}

	}

}
