package com.lagrello.security;

import java.time.Instant;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.LagrelloException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Spring Security's one-time-token login on Lagrello's magic links, for servlet
 * applications: {@code http.oneTimeTokenLogin(withDefaults())} with this service signs
 * users in with links that Lagrello e-mails and redeems.
 * <p>
 * {@link #generate} asks Lagrello to e-mail a magic link to the user whose Lagrello
 * {@code userId} is the request's username. Lagrello sends the tenant's callback URL with
 * the link's token in place of its {@code {}}: a callback URL of
 * {@code https://app.example.com/login/ott?token={}} lands on Spring Security's submit
 * page. The application never knows the token, so the returned {@link OneTimeToken} has
 * an empty token value. An unknown user is answered exactly as a known one (no user
 * enumeration); Lagrello failing to answer is an {@link AuthenticationServiceException}.
 * <p>
 * {@link #consume} redeems the token: the user's {@code userId} becomes the username that
 * Spring Security's {@code OneTimeTokenAuthenticationProvider} looks up with the
 * application's {@code UserDetailsService}. A wrong or used token gives {@code null}, so
 * Spring Security refuses it; Lagrello failing to answer (unreachable, {@code 5xx}, a
 * timeout) is an {@link AuthenticationServiceException}, never taken for a wrong link.
 * <p>
 * Both methods block on the client's {@link AuthClient#blocking() blocking} face, with
 * the client's call timeout, as the servlet API is blocking; use
 * {@link com.lagrello.security.ReactiveLagrelloOneTimeTokenService} in a WebFlux
 * application. Immutable and thread-safe.
 */
public final class LagrelloOneTimeTokenService implements OneTimeTokenService {

	private static final Logger logger = LoggerFactory.getLogger(LagrelloOneTimeTokenService.class);

	private final BlockingAuthClient auth;

	/**
	 * Creates a service that sends and redeems magic links with the given client.
	 * @param auth the Lagrello client for sign-in
	 */
	public LagrelloOneTimeTokenService(AuthClient auth) {
		Assert.notNull(auth, "auth must not be null");
		this.auth = auth.blocking();
	}

	/**
	 * Asks Lagrello to e-mail a magic link to the user whose {@code userId} is the
	 * request's username. The answer is the same whether or not the user exists.
	 * @param request the request, whose username is the Lagrello {@code userId}
	 * @return a token for that username with an empty token value, expiring after the
	 * request's {@code expiresIn} (Lagrello applies its own expiry to the link)
	 * @throws AuthenticationServiceException if Lagrello could not be asked (unreachable,
	 * {@code 5xx}, a timeout, a refused access token)
	 */
	@Override
	public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
		try {
			this.auth.sendMagicLink(request.getUsername());
		}
		catch (LagrelloException ex) {
			if (!LagrelloFailures.isUnknown(ex)) {
				throw LagrelloFailures.unavailable("send a magic link", ex);
			}
			// answered as for a known user: nothing in the answer may tell them apart
			logger.debug("No magic link sent: Lagrello has no user with the requested id");
		}
		return new EmailedOneTimeToken(request.getUsername(), Instant.now().plus(request.getExpiresIn()));
	}

	/**
	 * Redeems the token of a magic link with Lagrello.
	 * @param authenticationToken the token the user followed the link with
	 * @return a token whose username is the user's Lagrello {@code userId}, or
	 * {@code null} if the token is wrong or used
	 * @throws AuthenticationServiceException if Lagrello did not answer whether the token
	 * is good
	 */
	@Override
	public @Nullable OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
		String token = authenticationToken.getTokenValue();
		if (!StringUtils.hasText(token)) {
			return null;
		}
		try {
			return this.auth.redeemMagicLink(token)
				.map((user) -> new EmailedOneTimeToken(user.userId(), Instant.now()))
				.orElse(null);
		}
		catch (LagrelloException ex) {
			if (LagrelloFailures.isUnknown(ex)) {
				return null;
			}
			throw LagrelloFailures.unavailable("redeem the magic link", ex);
		}
	}

}
