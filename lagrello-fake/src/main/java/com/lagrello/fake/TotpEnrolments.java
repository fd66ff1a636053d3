package com.lagrello.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The users' TOTP secrets and which codes they have used, on an injectable clock. Accepts
 * the current step's code and the previous step's (a code typed just before its step
 * ended), and each code once: an accepted code moves the user past its step, so neither
 * it nor any earlier code is accepted again (RFC 6238, section 5.2). Thread-safe.
 */
final class TotpEnrolments {

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	// guarded by this
	private final Map<String, Enrolment> enrolments = new HashMap<>();

	TotpEnrolments(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Enables TOTP for a user with a new secret, replacing any earlier one.
	 * @return the secret, Base32, and an opaque id for its QR image, which does not
	 * reveal the secret
	 */
	synchronized Enabled enable(String userId) {
		byte[] secret = new byte[Totp.SECRET_BYTES];
		this.random.nextBytes(secret);
		String qrImageId = UUID.randomUUID().toString();
		this.enrolments.put(userId, new Enrolment(secret, qrImageId));
		return new Enabled(Base32.encode(secret), qrImageId);
	}

	/**
	 * Whether an id is the QR image id of a user's current secret.
	 * @return {@code false} too for the id of a secret replaced, disabled or forgotten
	 */
	synchronized boolean hasQrImage(String qrImageId) {
		return this.enrolments.values().stream().anyMatch((enrolment) -> enrolment.qrImageId.equals(qrImageId));
	}

	synchronized void disable(String userId) {
		this.enrolments.remove(userId);
	}

	/**
	 * Verifies a code: it must be the current or the previous step's, of a step after the
	 * last one accepted.
	 * @return whether it is accepted, {@code false} too for a user without TOTP
	 */
	synchronized boolean verify(String userId, String code) {
		Enrolment enrolment = this.enrolments.get(userId);
		if (enrolment == null || !isWellFormed(code)) {
			return false;
		}
		long now = Totp.step(this.clock.instant());
		for (long step = now; step >= now - 1; step--) {
			if (step > enrolment.lastAcceptedStep && sameCode(Totp.code(enrolment.secret, step), code)) {
				enrolment.lastAcceptedStep = step;
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the current step's code.
	 * @return the code, or {@code null} for a user without TOTP
	 */
	synchronized @Nullable String currentCode(String userId) {
		Enrolment enrolment = this.enrolments.get(userId);
		return (enrolment != null) ? Totp.code(enrolment.secret, Totp.step(this.clock.instant())) : null;
	}

	synchronized void clear() {
		this.enrolments.clear();
	}

	private static boolean isWellFormed(String code) {
		return code.length() == Totp.DIGITS && code.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static boolean sameCode(String expected, String code) {
		// in constant time, as a real verifier must compare secrets
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				code.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A newly enabled TOTP.
	 *
	 * @param secretKey the secret, Base32
	 * @param qrImageId an opaque id for the QR image of the secret
	 */
	record Enabled(String secretKey, String qrImageId) {

		@Override
		public String toString() {
			// a failed assertion prints this: the secret stays out of it
			return "Enabled[secretKey=****, qrImageId=" + this.qrImageId + "]";
		}

	}

	private static final class Enrolment {

		private final byte[] secret;

		private final String qrImageId;

		// before any step a clock can name: the first code of any step is accepted
		private long lastAcceptedStep = Long.MIN_VALUE;

		Enrolment(byte[] secret, String qrImageId) {
			this.secret = secret;
			this.qrImageId = qrImageId;
		}

	}

}
