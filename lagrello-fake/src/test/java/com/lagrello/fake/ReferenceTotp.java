package com.lagrello.fake;

import java.math.BigInteger;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238's own reference algorithm (Appendix A, HMAC-SHA1, 6 digits) and an RFC 4648
 * Base32 decoder, written apart from the fake's so that the tests compare two
 * computations rather than one with itself.
 */
final class ReferenceTotp {

	private static final int[] DIGITS_POWER = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

	private ReferenceTotp() {
	}

	/**
	 * The code at a Unix time, for a secret given as bytes.
	 */
	static String codeAt(byte[] secret, long unixSeconds) {
		// the RFC's T: the steps since T0 = 0, as 16 hex digits
		String steps = Long.toHexString(Math.floorDiv(unixSeconds, 30L)).toUpperCase();
		steps = "0".repeat(Math.max(0, 16 - steps.length())) + steps;
		byte[] message = hexToBytes(steps);
		byte[] hash = hmacSha1(secret, message);
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String result = Integer.toString(binary % DIGITS_POWER[6]);
		while (result.length() < 6) {
			result = "0" + result;
		}
		return result;
	}

	/**
	 * Decodes Base32 through a string of bits, five per character.
	 */
	static byte[] base32Decode(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder bits = new StringBuilder();
		for (char c : text.replace("=", "").toCharArray()) {
			int value = alphabet.indexOf(Character.toUpperCase(c));
			if (value < 0) {
				throw new IllegalArgumentException("not Base32: " + c);
			}
			String five = Integer.toBinaryString(value);
			bits.append("0".repeat(5 - five.length())).append(five);
		}
		byte[] bytes = new byte[bits.length() / 8];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
		}
		return bytes;
	}

	private static byte[] hexToBytes(String hex) {
		// the RFC's hexStr2Bytes: BigInteger adds a sign byte, which is dropped
		byte[] withSign = new BigInteger("10" + hex, 16).toByteArray();
		byte[] bytes = new byte[withSign.length - 1];
		System.arraycopy(withSign, 1, bytes, 0, bytes.length);
		return bytes;
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA1");
			hmac.init(new SecretKeySpec(key, "RAW"));
			return hmac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
