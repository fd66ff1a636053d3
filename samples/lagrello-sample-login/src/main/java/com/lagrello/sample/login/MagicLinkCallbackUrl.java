package com.lagrello.sample.login;

import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.UpdateTenantRequest;
import com.lagrello.test.FakeLagrelloServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Points the fake tenant's {@code callbackUrl} at this application's magic-link page,
 * {@code /login/ott?token={}}, once the port is known: Lagrello puts the token in place
 * of {@code {}} and e-mails that link, which lands on Spring Security's one-time-token
 * page. Only on the embedded fake: a real tenant's {@code callbackUrl} is set once, by
 * its owner (docs/security.md), not by every start of an application.
 */
@Component
class MagicLinkCallbackUrl implements ApplicationListener<WebServerInitializedEvent> {

	/** Spring Security's page for a one-time token, with Lagrello's placeholder. */
	static final String MAGIC_LINK_PATH = "/login/ott?token={}";

	private static final Logger logger = LoggerFactory.getLogger(MagicLinkCallbackUrl.class);

	private final ObjectProvider<FakeLagrelloServer> embeddedLagrello;

	private final BlockingTenantClient tenant;

	MagicLinkCallbackUrl(ObjectProvider<FakeLagrelloServer> embeddedLagrello, BlockingTenantClient tenant) {
		this.embeddedLagrello = embeddedLagrello;
		this.tenant = tenant;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() != null
				|| this.embeddedLagrello.getIfAvailable() == null) {
			return;
		}
		String home = "http://localhost:" + event.getWebServer().getPort();
		String callbackUrl = this.tenant.update(UpdateTenantRequest.of(home + MAGIC_LINK_PATH)).callbackUrl();
		logger.info("Sign-in sample: open {}/ to sign up and sign in; magic links land on {}, and the fake's mailbox"
				+ " is {}/mailbox", home, callbackUrl, home);
	}

}
