package com.lagrello.security.web.server;

import com.lagrello.security.web.ApplicationPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenFilter;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ott.GenerateOneTimeTokenWebFilter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a magic-link request that could not be sent its own failure path in a WebFlux
 * application: the failure URL the application chose, and one line in the log.
 * <p>
 * Spring Security 7's {@link GenerateOneTimeTokenWebFilter} has no failure handler: when
 * its {@code ReactiveOneTimeTokenService} fails (Lagrello unreachable, a {@code 5xx}, a
 * timeout: an {@code AuthenticationServiceException}), the error reaches whichever
 * authentication filter runs before it, and the browser lands on that filter's failure
 * page, the one-time-token sign-in's {@code /login?error}, with nothing logged. Placed
 * just before that filter, this one catches the {@link AuthenticationException} of the
 * requests that ask for a link, logs it once at {@code WARN} with its message (which
 * names the operation and the status, never a token or the access token) and hands it to
 * the failure handler:
 *
 * <pre class="code">
 * http.oneTimeTokenLogin(withDefaults())
 *     .addFilterBefore(ServerOneTimeTokenGenerationFailureWebFilter.redirectingTo("/login?error"),
 *             SecurityWebFiltersOrder.ONE_TIME_TOKEN);
 * </pre>
 *
 * With Spring Boot, the starter adds it to every chain with the failure URL of
 * {@code lagrello.security.magic-link.failure-url}.
 */
public final class ServerOneTimeTokenGenerationFailureWebFilter implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(ServerOneTimeTokenGenerationFailureWebFilter.class);

	private final ServerWebExchangeMatcher requestMatcher;

	private final ServerAuthenticationFailureHandler failureHandler;

	/**
	 * Creates a filter for the requests that ask for a link.
	 * @param requestMatcher the requests {@link GenerateOneTimeTokenWebFilter} processes
	 * ({@code POST /ott/generate} by default)
	 * @param failureHandler what a request whose link could not be sent gets
	 */
	public ServerOneTimeTokenGenerationFailureWebFilter(ServerWebExchangeMatcher requestMatcher,
			ServerAuthenticationFailureHandler failureHandler) {
		Assert.notNull(requestMatcher, "requestMatcher cannot be null");
		Assert.notNull(failureHandler, "failureHandler cannot be null");
		this.requestMatcher = requestMatcher;
		this.failureHandler = failureHandler;
	}

	/**
	 * Returns a filter for the links asked for at the default URL
	 * ({@code POST /ott/generate}) that redirects a request whose link could not be sent
	 * to the given URL.
	 * @param failureUrl a path of this application, for example {@code /login?error}
	 * @return the filter
	 */
	public static ServerOneTimeTokenGenerationFailureWebFilter redirectingTo(String failureUrl) {
		Assert.isTrue(ApplicationPaths.isApplicationPath(failureUrl),
				() -> "failureUrl must be " + ApplicationPaths.REQUIREMENT);
		return new ServerOneTimeTokenGenerationFailureWebFilter(
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
						GenerateOneTimeTokenFilter.DEFAULT_GENERATE_URL),
				new RedirectServerAuthenticationFailureHandler(failureUrl));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// a matcher that answers nothing is no match: the request goes on
		return this.requestMatcher.matches(exchange)
			.map(ServerWebExchangeMatcher.MatchResult::isMatch)
			.defaultIfEmpty(false)
			.flatMap((match) -> match ? guarded(exchange, chain) : chain.filter(exchange));
	}

	private Mono<Void> guarded(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume(AuthenticationException.class, (ex) -> {
			if (exchange.getResponse().isCommitted()) {
				return Mono.error(ex);
			}
			// the one line for this failure: the handler redirects, nothing else logs it
			logger.warn("No magic link sent: {}", ex.getMessage());
			return this.failureHandler.onAuthenticationFailure(new WebFilterExchange(exchange, chain), ex);
		});
	}

}
