package com.lagrello.sample.support;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.test.FakeLagrelloConfiguration;
import com.lagrello.test.FakeLagrelloConnectionDetails;
import com.lagrello.test.FakeLagrelloServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Runs the sample against an embedded fake Lagrello API when no connection is configured,
 * so that it works out of the box. Setting {@code lagrello.base-url} or
 * {@code lagrello.access-token} (for example as {@code LAGRELLO_BASE_URL} and
 * {@code LAGRELLO_ACCESS_TOKEN}) turns this off and uses the real API. Both samples
 * {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedLagrelloConfiguration.NoLagrelloConnectionConfigured.class)
// nor when run with FakeLagrelloConfiguration (TestMvcSampleApplication), which brings
// its own fake
@ConditionalOnMissingBean({ LagrelloConnectionDetails.class, FakeLagrelloConfiguration.class })
public class EmbeddedLagrelloConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedLagrelloConfiguration.class);

	@Bean(destroyMethod = "close")
	FakeLagrelloServer embeddedLagrelloServer() {
		FakeLagrelloServer server = FakeLagrelloServer.builder().seedTokens(5).start();
		logger.info(
				"No lagrello.base-url or lagrello.access-token is set: using an embedded fake Lagrello API at {}"
						+ " with {} tokens. Set LAGRELLO_BASE_URL and LAGRELLO_ACCESS_TOKEN to use the real API.",
				server.baseUrl(), server.tokens().size());
		return server;
	}

	@Bean
	FakeLagrelloConnectionDetails embeddedLagrelloConnectionDetails(FakeLagrelloServer embeddedLagrelloServer) {
		return new FakeLagrelloConnectionDetails(embeddedLagrelloServer);
	}

	// the token samples' hint; the sign-in sample, which has no /tokens, turns it off
	@Bean
	@ConditionalOnProperty(name = "sample.curl-hint", matchIfMissing = true)
	ApplicationListener<WebServerInitializedEvent> embeddedLagrelloCurlHint() {
		return (event) -> {
			if (event.getApplicationContext().getServerNamespace() == null) {
				logger.info("Try it: curl -s http://localhost:{}/tokens", event.getWebServer().getPort());
			}
		};
	}

	/**
	 * Matches when neither the API's URL nor a token is configured.
	 */
	static class NoLagrelloConnectionConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("lagrello.base-url"))
					&& !StringUtils.hasText(context.getEnvironment().getProperty("lagrello.access-token"));
		}

	}

}
