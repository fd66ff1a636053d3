package com.lagrello.fake;

import java.time.Instant;
import java.util.List;

/**
 * A token as the API sends it, in the fake's own terms: permissions are the strings on
 * the wire, so that a permission no client knows yet can be served too.
 *
 * @param tokenKey the key, which authenticates
 * @param tokenName the name
 * @param createdBy the name of the token that created it
 * @param createdAt when it was created
 * @param permissions for example {@code READ} and {@code WRITE}
 */
public record FakeToken(String tokenKey, String tokenName, String createdBy, Instant createdAt,
		List<String> permissions) {

	/**
	 * Creates a token, copying the permissions.
	 */
	public FakeToken {
		permissions = List.copyOf(permissions);
	}

	/**
	 * Whether the token has a permission.
	 * @param permission for example {@code ADMIN}
	 * @return {@code true} when it is among the permissions
	 */
	public boolean has(String permission) {
		return this.permissions.contains(permission);
	}

	@Override
	public String toString() {
		// the key authenticates: a failed assertion prints this
		return "FakeToken[tokenName=" + this.tokenName + ", createdBy=" + this.createdBy + ", createdAt="
				+ this.createdAt + ", permissions=" + this.permissions + "]";
	}

}
