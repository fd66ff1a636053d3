package com.lagrello.sample.support;

/**
 * What {@code POST /users/{userId}/totp/verify} accepts: {@code {"code": "123456"}}, the
 * code the user's authenticator app shows. {@link #toString()} masks it.
 *
 * @param code the TOTP code
 */
public record TotpCode(String code) {

	@Override
	public String toString() {
		return "TotpCode[code=****]";
	}

}
