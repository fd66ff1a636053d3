package com.lagrello.client.blocking;

import java.time.Duration;

import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.ClientOptions;
import com.lagrello.client.Tenant;
import com.lagrello.client.TenantClient;
import com.lagrello.client.UpdateTenantRequest;

/**
 * {@link BlockingTenantClient} as a thin face over a {@link TenantClient}, waiting with
 * {@link BlockingCalls}: every wait bounded by the call timeout, refused on a
 * non-blocking thread, an interrupt thrown as a {@code LagrelloException} that cancels
 * the call.
 */
public final class BlockingTenantClientAdapter implements BlockingTenantClient {

	private final TenantClient client;

	private final BlockingCalls calls;

	private BlockingTenantClientAdapter(TenantClient client, Duration callTimeout, boolean boundedByClient) {
		this.client = client;
		this.calls = new BlockingCalls("BlockingTenantClient", "TenantClient", callTimeout, boundedByClient);
	}

	/**
	 * The blocking face of any implementation of {@code TenantClient}: each call is
	 * bounded by the adapter's own timer.
	 * @param client the reactive client
	 * @param callTimeout the longest time one call may take
	 * @return the blocking client
	 * @throws com.lagrello.client.LagrelloInvalidArgumentException if the call timeout is
	 * not positive or longer than a day
	 */
	public static BlockingTenantClientAdapter overAnyClient(TenantClient client, Duration callTimeout) {
		ClientOptions.checkTimeout("callTimeout", callTimeout);
		return new BlockingTenantClientAdapter(client, callTimeout, false);
	}

	/**
	 * The blocking face of the library's own client, which bounds each call by the same
	 * call timeout itself: the wait adds no timer of its own.
	 * @param client the reactive client
	 * @param callTimeout the client's call timeout
	 * @return the blocking client
	 */
	public static BlockingTenantClientAdapter overOwnClient(TenantClient client, Duration callTimeout) {
		return new BlockingTenantClientAdapter(client, callTimeout, true);
	}

	@Override
	public Tenant get() {
		return this.calls.await("tenants/get", this.client::get);
	}

	@Override
	public Tenant update(UpdateTenantRequest request) {
		return this.calls.await("tenant/update", () -> this.client.update(request));
	}

}
