package com.lagrello.fake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake's TOTP and Base32 against the test vectors of their RFCs.
 */
class TotpTests {

	private static final byte[] RFC_6238_SHA1_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/**
	 * RFC 6238, Appendix B, the SHA1 rows: 8-digit codes, whose last six digits are the
	 * 6-digit code (both are the same number modulo a power of ten).
	 */
	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codesAreThoseOfRfc6238AppendixB(long unixSeconds, String eightDigitCode) {
		long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

		assertThat(Totp.code(RFC_6238_SHA1_SECRET, step)).isEqualTo(eightDigitCode.substring(2));
	}

	/**
	 * RFC 4648, section 10, without the padding the fake leaves out.
	 */
	@ParameterizedTest
	@CsvSource({ "'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB",
			"foobar, MZXW6YTBOI" })
	void base32IsThatOfRfc4648(String text, String base32) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

		assertThat(Base32.encode(bytes)).isEqualTo(base32);
		assertThat(Base32.decode(base32)).isEqualTo(bytes);
		assertThat(Base32.decode(base32.toLowerCase() + "======")).isEqualTo(bytes);
	}

	@ParameterizedTest
	@CsvSource({ "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" })
	void theRfc6238SecretInBase32DecodesToItsBytes(String base32) {
		assertThat(Base32.decode(base32)).isEqualTo(RFC_6238_SHA1_SECRET);
		assertThat(Base32.encode(RFC_6238_SHA1_SECRET)).isEqualTo(base32);
	}

}
