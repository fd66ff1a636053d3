package com.lagrello.client;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.annotation.JsonCreator;
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

	/**
	 * Reads an answer of the API. A {@code qrImage} that is not a URI is refused without
	 * repeating it: the link holds the secret, and the decoder's own refusal would quote
	 * it in the failure's message.
	 * @param secretKey the answer's {@code secretKey}
	 * @param qrImage the answer's {@code qrImage}
	 * @return the enrollment
	 */
	@JsonCreator
	static TotpEnrollment fromAnswer(@JsonProperty("secretKey") String secretKey,
			@JsonProperty("qrImage") String qrImage) {
		return new TotpEnrollment(secretKey, (qrImage != null) ? qrImageUri(qrImage) : null);
	}

	private static URI qrImageUri(String qrImage) {
		try {
			return new URI(qrImage);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("qrImage is not a URI");
		}
	}

	@Override
	public String toString() {
		return "TotpEnrollment[secretKey=" + Secrets.MASK + ", qrImage=" + Secrets.MASK + "]";
	}

}
