package com.lagrello.fake;

import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any secret and any time, the fake's TOTP agrees with RFC 6238's reference
 * algorithm, and a code is good once.
 */
class TotpProperties {

	// from 1970 to the year 5138: every time a test clock may plausibly name
	private static final long LATEST = 100_000_000_000L;

	@Property
	void codeIsTheReferenceAlgorithmsForAnySecretAndTime(@ForAll @Size(min = 1, max = 64) byte[] secret,
			@ForAll @LongRange(min = 0, max = LATEST) long unixSeconds) {
		assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(unixSeconds))))
			.isEqualTo(ReferenceTotp.codeAt(secret, unixSeconds));
	}

	@Property
	void base32RoundTripsAnyBytesAndDecodesAsTheReferenceDoes(@ForAll @Size(max = 64) byte[] bytes) {
		String encoded = Base32.encode(bytes);

		assertThat(encoded).matches("[A-Z2-7]*");
		assertThat(Base32.decode(encoded)).isEqualTo(bytes);
		assertThat(ReferenceTotp.base32Decode(encoded)).isEqualTo(bytes);
	}

	@Property
	void anEnrolledUsersReferenceCodeIsAcceptedOnceAtAnyTime(
			@ForAll @LongRange(min = 30, max = LATEST) long unixSeconds, @ForAll boolean typedLastStep) {
		SettableClock clock = new SettableClock(Instant.ofEpochSecond(unixSeconds));
		TotpEnrolments enrolments = new TotpEnrolments(clock);
		byte[] secret = ReferenceTotp.base32Decode(enrolments.enable("ada").secretKey());
		// a code read off the app in the step before the one it arrives in is accepted
		// too
		String code = ReferenceTotp.codeAt(secret, typedLastStep ? unixSeconds - 30 : unixSeconds);

		assertThat(enrolments.verify("ada", code)).isTrue();
		assertThat(enrolments.verify("ada", code)).isFalse();
	}

	@Property
	void aCodeOfTwoStepsAgoOrOfTheNextStepIsRefused(@ForAll @LongRange(min = 60, max = LATEST) long unixSeconds,
			@ForAll boolean early) {
		TotpEnrolments enrolments = new TotpEnrolments(new SettableClock(Instant.ofEpochSecond(unixSeconds)));
		byte[] secret = ReferenceTotp.base32Decode(enrolments.enable("ada").secretKey());
		String code = ReferenceTotp.codeAt(secret, early ? unixSeconds + 30 : unixSeconds - 60);
		String now = ReferenceTotp.codeAt(secret, unixSeconds);
		String previous = ReferenceTotp.codeAt(secret, unixSeconds - 30);

		// one in a million: that step's code is also a good one
		boolean alsoGood = code.equals(now) || code.equals(previous);
		assertThat(enrolments.verify("ada", code)).isEqualTo(alsoGood);
	}

}
