package com.lagrello.client;

import com.lagrello.client.blocking.BlockingTenantClientAdapter;
import com.lagrello.client.call.AnswerRule;
import com.lagrello.client.call.Operation;
import com.lagrello.client.call.RetryRule;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * {@link TenantClient} over the calls of a {@link LagrelloClient}: it states the tenant
 * operations and builds their requests; the client's call pipeline does the rest.
 * Immutable and thread-safe.
 */
final class WebClientTenantClient implements TenantClient {

	static final String TENANT_PATH = "/v1/tenant";

	/** {@code GET /v1/tenant}: a read. */
	static final Operation GET = new Operation("tenants/get", TENANT_PATH, RetryRule.TRANSIENT, AnswerRule.AS_IS);

	/** {@code PATCH /v1/tenant}: an absolute update, the same when repeated. */
	static final Operation UPDATE = new Operation("tenant/update", TENANT_PATH, RetryRule.TRANSIENT, AnswerRule.AS_IS);

	private final ApiCalls calls;

	WebClientTenantClient(ApiCalls calls) {
		this.calls = calls;
	}

	@Override
	public Mono<Tenant> get() {
		return this.calls.call(GET, HttpMethod.GET, this.calls.expand(TENANT_PATH), null, Tenant.class);
	}

	@Override
	public Mono<Tenant> update(UpdateTenantRequest request) {
		return ApiCalls.checked(() -> this.calls.call(UPDATE, HttpMethod.PATCH, this.calls.expand(TENANT_PATH),
				Arguments.request(request), Tenant.class));
	}

	@Override
	public BlockingTenantClient blocking() {
		return BlockingTenantClientAdapter.overOwnClient(this, this.calls.options().callTimeout());
	}

	@Override
	public String toString() {
		return "TenantClient[baseUrl=" + this.calls.options().baseUrl() + "]";
	}

}
