package com.lagrello.autoconfigure.security;

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

		public String getSentUrl() {
			return this.sentUrl;
		}

		public void setSentUrl(String sentUrl) {
			this.sentUrl = sentUrl;
		}

	}

}
