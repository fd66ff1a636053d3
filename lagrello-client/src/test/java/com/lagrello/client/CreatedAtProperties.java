package com.lagrello.client;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code createdAt} is read by hand in the API's spelling and by the mapper in any other:
 * either way, a token's instant is the one {@link Instant#parse} and the mapper give.
 */
class CreatedAtProperties {

	// 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z
	private static final long FIRST_SECOND = -62_167_219_200L;

	private static final long LAST_SECOND = 253_402_300_799L;

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Property(tries = 2000)
	void theApisSpellingIsReadAsInstantParseReadsIt(
			@ForAll @LongRange(min = FIRST_SECOND, max = LAST_SECOND) long second,
			@ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
		Instant instant = Instant.ofEpochSecond(second, nanos);
		String text = canonical(instant, digits);

		assertThat(CanonicalInstantDeserializer.parse(text)).isEqualTo(Instant.parse(text))
			.isEqualTo(instant.truncatedTo(ChronoUnit.NANOS).minusNanos(nanos % scale(digits)));
	}

	@Property(tries = 5000)
	void anyOtherTextIsLeftToTheMapperOrReadAsInstantParseReadsIt(@ForAll("nearlyCanonical") String text) {
		Instant fast = CanonicalInstantDeserializer.parse(text);

		if (fast != null) {
			assertThat(fast).isEqualTo(Instant.parse(text));
		}
	}

	@Property(tries = 500)
	void aTokenHasTheInstantThePlainMapperReads(@ForAll("nearlyCanonical") String text) {
		String json = "{\"tokenKey\":\"k\",\"tokenName\":\"n\",\"createdBy\":\"a\",\"createdAt\":\"" + text + "\"}";

		Object plain = readOrFailure(() -> this.mapper.readValue("\"" + text + "\"", Instant.class));
		Object token = readOrFailure(() -> this.mapper.readValue(json, Token.class).createdAt());

		assertThat(token).isEqualTo(plain);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-05-01T14:00:00+02:00", "2024-05-01t12:00:00z", "2016-12-31T23:59:60Z",
			"2024-02-30T00:00:00Z", "2024-05-01T12:00:00.Z", "+12024-05-01T12:00:00Z", "2024-05-01T12:00Z", "soon" })
	void otherSpellingsAreTheMappersToReadOrRefuse(String text) {
		assertThat(CanonicalInstantDeserializer.parse(text)).isNull();
		String json = "{\"tokenKey\":\"k\",\"tokenName\":\"n\",\"createdBy\":\"a\",\"createdAt\":\"" + text + "\"}";

		assertThat(readOrFailure(() -> this.mapper.readValue(json, Token.class).createdAt()))
			.isEqualTo(readOrFailure(() -> this.mapper.readValue("\"" + text + "\"", Instant.class)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1714564800", "1714564800.5", "null" })
	void otherJsonTypesAreTheMappersToRead(String value) {
		String json = "{\"tokenKey\":\"k\",\"tokenName\":\"n\",\"createdBy\":\"a\",\"createdAt\":" + value + "}";

		assertThat(readOrFailure(() -> this.mapper.readValue(json, Token.class).createdAt()))
			.isEqualTo(readOrFailure(() -> this.mapper.readValue(value, Instant.class)));
	}

	@org.junit.jupiter.api.Test
	void theApisSpellingIsReadByHandAndAnyOtherByTheMappersInstantDeserializer() {
		JsonMapper mapper = JsonMapper.builder()
			.addModule(new SimpleModule().addDeserializer(Instant.class, new ValueDeserializer<Instant>() {

				@Override
				public Instant deserialize(JsonParser parser, DeserializationContext context) {
					return Instant.EPOCH;
				}

			}))
			.build();
		String token = "{\"tokenKey\":\"k\",\"tokenName\":\"n\",\"createdBy\":\"a\",\"createdAt\":";

		assertThat(mapper.readValue(token + "\"2024-05-01T12:00:00.5Z\"}", Token.class).createdAt())
			.isEqualTo(Instant.parse("2024-05-01T12:00:00.5Z"));
		assertThat(mapper.readValue(token + "\"2024-05-01T14:00:00+02:00\"}", Token.class).createdAt())
			.isEqualTo(Instant.EPOCH);
		assertThat(mapper.readValue(token + "1714564800}", Token.class).createdAt()).isEqualTo(Instant.EPOCH);
	}

	@Provide
	Arbitrary<String> nearlyCanonical() {
		Arbitrary<String> canonical = Arbitraries.longs()
			.between(FIRST_SECOND, LAST_SECOND)
			.flatMap((second) -> Arbitraries.integers()
				.between(0, 9)
				.map((digits) -> canonical(Instant.ofEpochSecond(second, 123_456_789), digits)));
		// one to three characters of the canonical text replaced by others it may hold
		return canonical.flatMap((text) -> Arbitraries.integers()
			.between(0, 3)
			.flatMap((edits) -> Arbitraries.integers()
				.between(0, text.length() - 1)
				.list()
				.ofSize(edits)
				.flatMap((positions) -> Arbitraries.of('0', '3', '9', '1', '-', ':', 'T', 't', 'Z', '.', '+', ' ', '/')
					.list()
					.ofSize(edits)
					.map((characters) -> {
						StringBuilder edited = new StringBuilder(text);
						for (int i = 0; i < edits; i++) {
							edited.setCharAt(positions.get(i), characters.get(i));
						}
						return edited.toString();
					}))));
	}

	private static String canonical(Instant instant, int digits) {
		String seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
			.withZone(java.time.ZoneOffset.UTC)
			.format(instant);
		String fraction = String.format("%09d", instant.getNano()).substring(0, digits);
		return seconds + ((digits > 0) ? "." + fraction : "") + "Z";
	}

	private static int scale(int digits) {
		return (int) Math.pow(10, 9 - digits);
	}

	private static Object readOrFailure(java.util.concurrent.Callable<Object> read) {
		Throwable failure = catchThrowable(() -> read.call());
		if (failure == null) {
			try {
				return String.valueOf(read.call());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		assertThat(failure).isInstanceOfAny(JacksonException.class, DateTimeException.class);
		return failure.getClass();
	}

}
