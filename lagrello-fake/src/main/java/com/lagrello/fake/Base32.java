package com.lagrello.fake;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * RFC 4648 Base32 ({@code A-Z2-7}), the encoding of TOTP secrets that authenticator apps
 * read: written without padding, read in either case with or without it.
 */
final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	static String encode(byte[] bytes) {
		StringBuilder encoded = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				encoded.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1F));
				bits -= 5;
			}
		}
		if (bits > 0) {
			encoded.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
		}
		return encoded.toString();
	}

	/**
	 * Decodes Base32 text.
	 * @throws IllegalArgumentException for a character outside the alphabet
	 */
	static byte[] decode(String text) {
		String digits = text.toUpperCase(Locale.ROOT).replace("=", "");
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(digits.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < digits.length(); i++) {
			int value = ALPHABET.indexOf(digits.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not a Base32 character at index " + i);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				decoded.write((buffer >>> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		return decoded.toByteArray();
	}

}
