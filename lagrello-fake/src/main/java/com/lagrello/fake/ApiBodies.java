package com.lagrello.fake;

import java.util.List;

import com.lagrello.fake.WireFormat.ErrorBody;
import com.lagrello.fake.WireFormat.PagingBody;
import com.lagrello.fake.WireFormat.TenantBody;
import com.lagrello.fake.WireFormat.TokenBody;
import com.lagrello.fake.WireFormat.TokenListBody;
import com.lagrello.fake.WireFormat.TotpEnableBody;
import com.lagrello.fake.WireFormat.UserBody;
import org.jspecify.annotations.Nullable;

/**
 * The Lagrello API's JSON bodies, for scripts that answer as the API would:
 * <pre class="code">
 * Reply.json(200, ApiBodies.tokenList(tokens, "/v1/tokens?page=1&amp;size=2", null));
 * </pre>
 */
public final class ApiBodies {

	private ApiBodies() {
	}

	/**
	 * The API's {@code Error} body.
	 * @param errorType for example {@code NOT_FOUND}
	 * @param message the message
	 * @return {@code {"errorType": ..., "message": ...}}
	 */
	public static String error(String errorType, String message) {
		return WireFormat.write(new ErrorBody(errorType, message));
	}

	/**
	 * The API's {@code Token}.
	 * @param token the token
	 * @return its JSON, {@code createdAt} an ISO-8601 instant
	 */
	public static String token(FakeToken token) {
		return WireFormat.write(TokenBody.of(token));
	}

	/**
	 * The API's {@code TokenList}: one page of tokens and its links.
	 * @param data the tokens of the page
	 * @param next the link to the next page, as the server writes it, or {@code null}
	 * @param previous the link to the previous page, or {@code null}
	 * @return {@code {"data": [...], "paging": {"next": ..., "previous": ...}}}
	 */
	public static String tokenList(List<FakeToken> data, @Nullable String next, @Nullable String previous) {
		return WireFormat
			.write(new TokenListBody(data.stream().map(TokenBody::of).toList(), new PagingBody(next, previous)));
	}

	/**
	 * The API's {@code User}.
	 * @param user the user
	 * @return {@code {"userId": ..., "email": ...}}, without {@code email} when the user
	 * has none
	 */
	public static String user(FakeUser user) {
		return WireFormat.write(UserBody.of(user));
	}

	/**
	 * The API's {@code TotpEnableResponse}, the answer to enabling TOTP.
	 * @param secretKey the Base32 secret
	 * @param qrImage the link to the secret's QR image
	 * @return {@code {"secretKey": ..., "qrImage": ...}}
	 */
	public static String totpEnableResponse(String secretKey, String qrImage) {
		return WireFormat.write(new TotpEnableBody(secretKey, qrImage));
	}

	/**
	 * The API's {@code Tenant}.
	 * @param tenant the tenant
	 * @return its JSON, with {@code companyInfo}'s members capitalised as the API has
	 * them ({@code Name}, {@code VATNumber}, ...)
	 */
	public static String tenant(FakeTenant tenant) {
		return WireFormat.write(TenantBody.of(tenant));
	}

}
