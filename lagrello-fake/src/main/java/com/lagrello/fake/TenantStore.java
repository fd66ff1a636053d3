package com.lagrello.fake;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fake's tenant: fixed but for its callback URL, which follows
 * {@code PATCH /v1/tenant} until a reset. Thread-safe.
 */
final class TenantStore {

	/** The callback URL the tenant starts with. */
	static final String INITIAL_CALLBACK_URL = "http://localhost/login/ott?token={}";

	private final FakeTenant initial;

	private final AtomicReference<FakeTenant> current;

	TenantStore() {
		this.initial = new FakeTenant(UUID.randomUUID().toString(), "Fake Lagrello", INITIAL_CALLBACK_URL, true,
				new FakeCompanyInfo("Fake Lagrello AB", "Testgatan 1", "Stockholm", "111 22", "SE", "556000-0000",
						"SE556000000001"));
		this.current = new AtomicReference<>(this.initial);
	}

	FakeTenant current() {
		return this.current.get();
	}

	FakeTenant changeCallbackUrl(String callbackUrl) {
		return this.current.updateAndGet((tenant) -> tenant.withCallbackUrl(callbackUrl));
	}

	void reset() {
		this.current.set(this.initial);
	}

}
