package com.lagrello.client.blocking;

import java.time.Duration;
import java.util.Optional;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.ClientOptions;
import com.lagrello.client.TotpEnrollment;
import com.lagrello.client.User;

/**
 * {@link BlockingAuthClient} as a thin face over an {@link AuthClient}, waiting with
 * {@link BlockingCalls}: every wait bounded by the call timeout, refused on a
 * non-blocking thread, an interrupt thrown as a {@code LagrelloException} that cancels
 * the call. A wrong code or magic-link token, which the reactive client completes empty,
 * is an empty {@code Optional}.
 */
public final class BlockingAuthClientAdapter implements BlockingAuthClient {

	private final AuthClient client;

	private final BlockingCalls calls;

	private BlockingAuthClientAdapter(AuthClient client, Duration callTimeout, boolean boundedByClient) {
		this.client = client;
		this.calls = new BlockingCalls("BlockingAuthClient", "AuthClient", callTimeout, boundedByClient);
	}

	/**
	 * The blocking face of any implementation of {@code AuthClient}: each call is bounded
	 * by the adapter's own timer.
	 * @param client the reactive client
	 * @param callTimeout the longest time one call may take
	 * @return the blocking client
	 * @throws com.lagrello.client.LagrelloInvalidArgumentException if the call timeout is
	 * not positive or longer than a day
	 */
	public static BlockingAuthClientAdapter overAnyClient(AuthClient client, Duration callTimeout) {
		ClientOptions.checkTimeout("callTimeout", callTimeout);
		return new BlockingAuthClientAdapter(client, callTimeout, false);
	}

	/**
	 * The blocking face of the library's own client, which bounds each call by the same
	 * call timeout itself: the wait adds no timer of its own.
	 * @param client the reactive client
	 * @param callTimeout the client's call timeout
	 * @return the blocking client
	 */
	public static BlockingAuthClientAdapter overOwnClient(AuthClient client, Duration callTimeout) {
		return new BlockingAuthClientAdapter(client, callTimeout, true);
	}

	@Override
	public TotpEnrollment enableTotp(String userId) {
		return this.calls.await("users/totp/toggle", () -> this.client.enableTotp(userId));
	}

	@Override
	public void disableTotp(String userId) {
		this.calls.await("users/totp/toggle", () -> this.client.disableTotp(userId));
	}

	@Override
	public Optional<User> verifyTotp(String userId, String code) {
		return Optional.ofNullable(this.calls.await("users/totp/auth", () -> this.client.verifyTotp(userId, code)));
	}

	@Override
	public void sendMagicLink(String userId) {
		this.calls.await("users/email/send", () -> this.client.sendMagicLink(userId));
	}

	@Override
	public Optional<User> redeemMagicLink(String token) {
		return Optional.ofNullable(this.calls.await("users/email/auth", () -> this.client.redeemMagicLink(token)));
	}

}
