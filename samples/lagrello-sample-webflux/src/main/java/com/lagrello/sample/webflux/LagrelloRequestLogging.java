package com.lagrello.sample.webflux;

import java.net.URI;

import com.lagrello.autoconfigure.LagrelloClientCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Logs each request of the Lagrello client, to show {@code listAll} following the pages.
 * A {@link LagrelloClientCustomizer} touches the Lagrello client only, not the
 * application's other WebClients. Its filters see the URL of a request that carries a
 * secret (a TOTP code, a magic-link token) with the secret masked, so this line never
 * shows one.
 */
@Configuration(proxyBeanMethods = false)
class LagrelloRequestLogging {

	private static final Logger logger = LoggerFactory.getLogger(LagrelloRequestLogging.class);

	private static final String TOKEN_PATH_PREFIX = "/v1/tokens/";

	@Bean
	LagrelloClientCustomizer lagrelloRequestLogger() {
		return (builder) -> builder.filter((request, next) -> next.exchange(request)
			.doOnNext((response) -> logger.info("Lagrello API: {} {} -> {}", request.method(),
					pathAndQuery(request.url()), response.statusCode().value())));
	}

	/**
	 * The path and query only, never a header, so never the access token; and a token's
	 * key, itself a credential, masked as {@code Token.toString()} masks it.
	 */
	private static String pathAndQuery(URI url) {
		String path = url.getRawPath();
		if (path.startsWith(TOKEN_PATH_PREFIX) && path.length() > TOKEN_PATH_PREFIX.length() + 4) {
			path = TOKEN_PATH_PREFIX + "****" + path.substring(path.length() - 4);
		}
		return (url.getRawQuery() != null) ? path + "?" + url.getRawQuery() : path;
	}

}
