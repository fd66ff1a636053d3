package com.lagrello.fake;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as the API uses them: HMAC-SHA1, 6 digits,
 * 30-second steps counted from the Unix epoch (RFC 4226's HOTP of the step number).
 */
final class Totp {

	/** Digits of a code. */
	static final int DIGITS = 6;

	/** How long one code is current. */
	static final Duration STEP = Duration.ofSeconds(30);

	/**
	 * Length of a new secret: 160 bits, the length of an HMAC-SHA1 key RFC 4226 advises.
	 */
	static final int SECRET_BYTES = 20;

	private static final int MODULUS = 1_000_000;

	private Totp() {
	}

	/**
	 * Returns the number of the step an instant falls in.
	 */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.getSeconds());
	}

	/**
	 * Returns the code of a step: RFC 4226's dynamic truncation of the HMAC-SHA1 of the
	 * step number, as 6 digits with leading zeros.
	 */
	static String code(byte[] secret, long step) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "RAW"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is a mandatory algorithm of every Java platform", ex);
		}
		int offset = hash[hash.length - 1] & 0x0F;
		int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
				| ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
		String digits = Integer.toString(binary % MODULUS);
		return "0".repeat(DIGITS - digits.length()) + digits;
	}

}
