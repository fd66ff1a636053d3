package com.lagrello.client;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@link AuthClient#enableTotp} returns: the user's TOTP secret, to show once to the
 * user for their authenticator app. Both fields are secrets: {@link #toString()} masks
 * them.
 *
 * @param secretKey the Base32 secret of the user's TOTP codes (RFC 6238)
 * @param qrImage a link to a QR code image of the secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TotpEnrollment(@JsonProperty("secretKey") String secretKey, @JsonProperty("qrImage") URI qrImage) {

	@Override
	public String toString() {
		return "TotpEnrollment[secretKey=" + Secrets.MASK + ", qrImage=" + Secrets.MASK + "]";
	}

}
