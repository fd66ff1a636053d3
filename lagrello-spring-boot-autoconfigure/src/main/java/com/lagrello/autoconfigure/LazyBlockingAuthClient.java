package com.lagrello.autoconfigure;

import java.util.Optional;
import java.util.function.Supplier;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.User;

/**
 * The {@link BlockingAuthClient} bean: the blocking face of the {@link AuthClient} bean,
 * each call bounded by {@code lagrello.call-timeout}, made on the first call rather than
 * at start-up, also over an application's own {@code AuthClient}.
 */
public final class LazyBlockingAuthClient extends LazyBlockingClient<BlockingAuthClient> implements BlockingAuthClient {

	LazyBlockingAuthClient(Supplier<BlockingAuthClient> face) {
		super(face);
	}

	@Override
	public TotpEnrollment enableTotp(String userId) {
		return face().enableTotp(userId);
	}

	@Override
	public void disableTotp(String userId) {
		face().disableTotp(userId);
	}

	@Override
	public Optional<User> verifyTotp(String userId, String code) {
		return face().verifyTotp(userId, code);
	}

	@Override
	public void sendMagicLink(String userId) {
		face().sendMagicLink(userId);
	}

	@Override
	public Optional<User> redeemMagicLink(String token) {
		return face().redeemMagicLink(token);
	}

}
