package io.github.spacescopejava.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimestampDeserializerTest {
  private final ObjectMapper fast = SpaceScopeJson.newObjectMapper();

  /** The same configuration without the fast path: jsr310's parser alone. */
  private final ObjectMapper full =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private static String json(String timestamp) {
    return "{\"stat_date\":\"" + timestamp + "\"}";
  }

  private OffsetDateTime readFast(String timestamp) throws Exception {
    return fast.readValue(json(timestamp), NetworkStorageCapacityRow.class).getStatDate();
  }

  private OffsetDateTime readFull(String timestamp) throws Exception {
    return full.readValue(json(timestamp), NetworkStorageCapacityRow.class).getStatDate();
  }

  @Nested
  class FastPath {
    @Test
    void takesTheApiFormAndAgreesWithTheFullParserOnFiveThousandRandomInstants() throws Exception {
      SplittableRandom random = new SplittableRandom(12);
      for (int i = 0; i < 5_000; i++) {
        long second = random.nextLong(0, 253_402_300_799L); // 1970 .. 9999-12-31T23:59:59
        String text = java.time.Instant.ofEpochSecond(second).toString();
        if (text.length() != 20) {
          continue;
        }
        char[] chars = ("xx" + text + "yy").toCharArray();
        OffsetDateTime parsed = UtcTimestampDeserializer.parseUtcSeconds(chars, 2, 20);
        assertThat(parsed).as(text).isNotNull();
        OffsetDateTime expected = readFull(text);
        assertThat(parsed).as(text).isEqualTo(expected);
        assertThat(parsed.getOffset()).isEqualTo(expected.getOffset());
        assertThat(readFast(text)).as(text).isEqualTo(expected);
      }
    }

    @Test
    void keepsUtcAndNoFraction() throws Exception {
      OffsetDateTime t = readFast("2022-07-01T00:00:00Z");
      assertThat(t).isEqualTo(OffsetDateTime.of(2022, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC));
      assertThat(t.toString()).isEqualTo("2022-07-01T00:00Z");
    }

    @Test
    void acceptsLeapDaysOnlyInLeapYears() {
      assertThat(parse("2024-02-29T12:00:00Z")).isNotNull();
      assertThat(parse("2023-02-29T12:00:00Z")).isNull();
      assertThat(parse("2000-02-29T23:59:59Z")).isNotNull();
      assertThat(parse("1900-02-29T00:00:00Z")).isNull();
    }

    private OffsetDateTime parse(String text) {
      return UtcTimestampDeserializer.parseUtcSeconds(text.toCharArray(), 0, text.length());
    }
  }

  @Nested
  class Fallback {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "2022-07-01T00:00:00.123Z",
          "2022-07-01T00:00:00+02:00",
          "2022-07-01T23:30:00-05:30",
          "2022-07-01T00:00Z",
          "2022-07-01T00:00:00.000000001Z",
          "+12022-07-01T00:00:00Z",
          "2022-07-01T00:00:00z"
        })
    void otherFormsGoToTheFullParserAndReadTheSame(String text) throws Exception {
      assertThat(UtcTimestampDeserializer.parseUtcSeconds(text.toCharArray(), 0, text.length()))
          .isNull();
      OffsetDateTime expected = readFull(text);
      OffsetDateTime actual = readFast(text);
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.getOffset()).isEqualTo(expected.getOffset());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2022-02-30T00:00:00Z",
          "2022-13-01T00:00:00Z",
          "2022-07-01T24:00:00Z",
          "2022-07-01T00:60:00Z",
          "2022-07-01T00:00:60Z",
          "2022-07-0aT00:00:00Z",
          "2022/07/01T00:00:00Z",
          "2022-07-01 00:00:00Z",
          "not a date at all!!!"
        })
    void invalidTextFailsExactlyAsTheFullParserFails(String text) {
      assertThat(UtcTimestampDeserializer.parseUtcSeconds(text.toCharArray(), 0, text.length()))
          .isNull();
      Throwable expected = catchFrom(() -> readFull(text));
      assertThatThrownBy(() -> readFast(text))
          .isInstanceOf(InvalidFormatException.class)
          .isExactlyInstanceOf(expected.getClass())
          .hasMessage(expected.getMessage());
    }

    @Test
    void numbersAndNullStillReadAsTheFullParserReadsThem() throws Exception {
      String epoch = "{\"stat_date\":1656633600}";
      assertThat(fast.readValue(epoch, NetworkStorageCapacityRow.class).getStatDate())
          .isEqualTo(full.readValue(epoch, NetworkStorageCapacityRow.class).getStatDate());
      assertThat(
              fast.readValue("{\"stat_date\":null}", NetworkStorageCapacityRow.class).getStatDate())
          .isNull();
    }

    private Throwable catchFrom(ThrowingCall call) {
      try {
        call.run();
      } catch (Throwable t) {
        return t;
      }
      throw new AssertionError("the full parser accepted it");
    }
  }

  @FunctionalInterface
  interface ThrowingCall {
    void run() throws Exception;
  }
}
