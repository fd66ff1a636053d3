package com.lagrello.security;

import java.time.Instant;

import com.lagrello.client.AuthClient;
import com.lagrello.client.LagrelloException;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.reactive.ReactiveOneTimeTokenService;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Spring Security's one-time-token login on Lagrello's magic links, for WebFlux
 * applications: {@code http.oneTimeTokenLogin(withDefaults())} on
 * {@code ServerHttpSecurity} with this service signs users in with links that Lagrello
 * e-mails and redeems. It behaves as {@link LagrelloOneTimeTokenService} does, without
 * blocking: {@link #generate} completes with the same token whether or not the user
 * exists, {@link #consume} completes empty for a wrong or used token, and both fail with
 * an {@link AuthenticationServiceException} when Lagrello does not answer. Immutable and
 * thread-safe.
 */
public final class ReactiveLagrelloOneTimeTokenService implements ReactiveOneTimeTokenService {

	private final AuthClient auth;

	/**
	 * Creates a service that sends and redeems magic links with the given client.
	 * @param auth the Lagrello client for sign-in
	 */
	public ReactiveLagrelloOneTimeTokenService(AuthClient auth) {
		Assert.notNull(auth, "auth must not be null");
		this.auth = auth;
	}

	/**
	 * Asks Lagrello to e-mail a magic link to the user whose {@code userId} is the
	 * request's username. The answer is the same whether or not the user exists.
	 * @param request the request, whose username is the Lagrello {@code userId}
	 * @return a token for that username with an empty token value, or an
	 * {@link AuthenticationServiceException} if Lagrello could not be asked
	 */
	@Override
	public Mono<OneTimeToken> generate(GenerateOneTimeTokenRequest request) {
		return Mono.defer(() -> this.auth.sendMagicLink(request.getUsername()))
			// answered as for a known user: nothing in the answer may tell them apart
			.onErrorResume(LagrelloFailures::isUnknown, (unknown) -> Mono.empty())
			.onErrorMap(LagrelloException.class, (ex) -> LagrelloFailures.unavailable("send a magic link", ex))
			.then(Mono.fromSupplier(
					() -> new EmailedOneTimeToken(request.getUsername(), Instant.now().plus(request.getExpiresIn()))));
	}

	/**
	 * Redeems the token of a magic link with Lagrello.
	 * @param authenticationToken the token the user followed the link with
	 * @return a token whose username is the user's Lagrello {@code userId}, empty if the
	 * token is wrong or used, or an {@link AuthenticationServiceException} if Lagrello
	 * did not answer whether the token is good
	 */
	@Override
	public Mono<OneTimeToken> consume(OneTimeTokenAuthenticationToken authenticationToken) {
		String token = authenticationToken.getTokenValue();
		if (!StringUtils.hasText(token)) {
			return Mono.empty();
		}
		return Mono.defer(() -> this.auth.redeemMagicLink(token))
			.<OneTimeToken>map((user) -> new EmailedOneTimeToken(user.userId(), Instant.now()))
			.onErrorResume(LagrelloFailures::isUnknown, (unknown) -> Mono.empty())
			.onErrorMap(LagrelloException.class, (ex) -> LagrelloFailures.unavailable("redeem the magic link", ex));
	}

}
