package com.lagrello.autoconfigure.security;

import com.lagrello.security.config.LagrelloMagicLinkConfigurer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of sign-in with Lagrello through Spring Security, bound from
 * {@code lagrello.security.*}.
 */
@ConfigurationProperties("lagrello.security")
public class LagrelloSecurityProperties {

	private final MagicLink magicLink = new MagicLink();

	public MagicLink getMagicLink() {
		return this.magicLink;
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
		 * (unreachable, a 5xx, a timeout), with the failure kept in the session.
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
