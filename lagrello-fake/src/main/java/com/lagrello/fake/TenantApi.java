package com.lagrello.fake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The tenant API's rules ({@code tenants/get}, {@code tenant/update}), from an
 * authenticated request to its answer, without any I/O. Only the callback URL can be
 * changed; changing it needs a token with {@code WRITE}. The tenant's creation,
 * activation and deletion are not served.
 */
final class TenantApi {

	static final String TENANT_PATH = "/v1/tenant";

	private final TenantStore tenant;

	TenantApi(TenantStore tenant) {
		this.tenant = tenant;
	}

	/**
	 * Answers a request to {@code /v1/tenant}.
	 * @throws Refusal for anything refused
	 */
	Reply answer(FakeToken caller, ReceivedRequest request) {
		String method = request.method().toUpperCase(Locale.ROOT);
		return switch (method) {
			case "GET" -> Reply.json(200, ApiBodies.tenant(this.tenant.current()));
			case "PATCH" -> update(caller, request);
			default -> throw Refusal.methodNotAllowed(method, request.path(), "GET, PATCH");
		};
	}

	private Reply update(FakeToken caller, ReceivedRequest request) {
		AccessTokens.require(caller, TokenStore.WRITE, "Updating the tenant");
		String callbackUrl = Requests.optionalString(Requests.jsonObject(request, "callbackUrl"), "callbackUrl");
		if (callbackUrl == null) {
			return Reply.json(200, ApiBodies.tenant(this.tenant.current()));
		}
		if (!isCallbackUrl(callbackUrl)) {
			throw Refusal.badRequest("callbackUrl must be an absolute URL that holds " + MagicLinks.TOKEN_PLACEHOLDER
					+ " where the magic-link token goes");
		}
		return Reply.json(200, ApiBodies.tenant(this.tenant.changeCallbackUrl(callbackUrl)));
	}

	/**
	 * Whether a URL can take magic-link tokens: absolute, and holding {@code {}}.
	 */
	static boolean isCallbackUrl(String callbackUrl) {
		if (!callbackUrl.contains(MagicLinks.TOKEN_PLACEHOLDER)) {
			return false;
		}
		try {
			// braces are not URI characters: check the URL as it is once a token is in
			URI uri = new URI(callbackUrl.replace(MagicLinks.TOKEN_PLACEHOLDER, "token"));
			return uri.isAbsolute() && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
