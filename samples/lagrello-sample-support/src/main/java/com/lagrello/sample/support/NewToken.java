package com.lagrello.sample.support;

import java.util.List;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /tokens} accepts: {@code {"tokenName": "ci", "permissions":
 * ["WRITE"]}}, permissions optional.
 *
 * @param tokenName the new token's name
 * @param permissions the permissions asked for besides READ, or {@code null}
 */
public record NewToken(String tokenName, @Nullable List<Permission> permissions) {

	/**
	 * Returns the client's request for this token.
	 * @return the request, validated
	 */
	public CreateTokenRequest toRequest() {
		return new CreateTokenRequest(this.tokenName, (this.permissions != null) ? this.permissions : List.of());
	}

}
