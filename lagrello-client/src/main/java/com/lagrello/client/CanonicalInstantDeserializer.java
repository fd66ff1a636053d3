package com.lagrello.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads {@code createdAt} in the spelling the API writes it, {@code 2024-05-01T12:00:00Z}
 * or {@code 2024-05-01T12:00:00.123Z}, by hand, and leaves every other spelling and type
 * to the mapper's own {@link Instant} deserializer.
 * <p>
 * Why: {@code DateTimeFormatter} parsing was a tenth of the client's CPU per page of a
 * drain (a JFR profile, docs/performance.md), for 20 timestamps of one fixed shape. The
 * fast path gives the instant {@link Instant#parse} gives, and gives up (to the mapper)
 * on anything it does not recognise, so errors and lenient spellings stay the mapper's.
 * <p>
 * Public, with a public constructor, only because {@link Token} names it: an
 * application's mapper may be set not to override access modifiers
 * ({@code MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS} off), and would then refuse to
 * create a package-private deserializer. Applications have no need to use it.
 */
public final class CanonicalInstantDeserializer extends ValueDeserializer<Instant> {

	// yyyy-MM-ddTHH:mm:ssZ
	private static final int SHORTEST = 20;

	// yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ
	private static final int LONGEST = 30;

	// nanoseconds per unit of a fraction of 1 to 9 digits
	private static final int[] FRACTION_SCALE = { 0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
			10, 1 };

	/**
	 * Creates the deserializer, as Jackson does for {@link Token#createdAt()}.
	 */
	public CanonicalInstantDeserializer() {
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			Instant instant = parse(parser.getString());
			if (instant != null) {
				return instant;
			}
		}
		ValueDeserializer<Object> mappers = context.findRootValueDeserializer(context.constructType(Instant.class));
		return (Instant) mappers.deserialize(parser, context);
	}

	/**
	 * Returns the instant of a canonical UTC timestamp, or {@code null} if the text is
	 * spelled in any other way.
	 */
	static @Nullable Instant parse(String text) {
		int length = text.length();
		if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| text.charAt(length - 1) != 'Z') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		int nanos = 0;
		if (length > SHORTEST) {
			if (text.charAt(19) != '.') {
				return null;
			}
			int fraction = digits(text, 20, length - 21);
			nanos = (fraction < 0) ? -1 : fraction * FRACTION_SCALE[length - 21];
		}
		// a leap second (23:59:60) is left to the mapper, which smooths it
		if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		try {
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
		}
		catch (DateTimeException notADate) {
			return null;
		}
	}

	/**
	 * The value of {@code count} ASCII digits from {@code start}, or -1 if any is not
	 * one.
	 */
	private static int digits(String text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

}
