package com.lagrello.autoconfigure;

import java.util.function.Supplier;

import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.Tenant;
import com.lagrello.client.TenantClient;
import com.lagrello.client.UpdateTenantRequest;

/**
 * The {@link BlockingTenantClient} bean: the blocking face of the {@link TenantClient}
 * bean, each call bounded by {@code lagrello.call-timeout}, made on the first call rather
 * than at start-up, also over an application's own {@code TenantClient}.
 */
public final class LazyBlockingTenantClient extends LazyBlockingClient<BlockingTenantClient>
		implements BlockingTenantClient {

	LazyBlockingTenantClient(Supplier<BlockingTenantClient> face) {
		super(face);
	}

	@Override
	public Tenant get() {
		return face().get();
	}

	@Override
	public Tenant update(UpdateTenantRequest request) {
		return face().update(request);
	}

}
