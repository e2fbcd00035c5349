package io.github.spacescopejava.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTest {
  static final ObjectMapper MAPPER =
      SpaceScopeJson.newObjectMapper()
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  static FieldSpec field(
      String type, @Nullable String format, boolean whole, @Nullable Double magnitude) {
    return new FieldSpec("f", type, format, false, whole, magnitude, false);
  }

  @Nested
  class Types {
    @Test
    void wholeNumbersAreHugeint() {
      assertThat(Column.of(field("number", null, true, 2e19), false).sqlType())
          .isEqualTo("HUGEINT");
    }

    @Test
    void integerStringsAreHugeint() {
      assertThat(
              Column.of(new FieldSpec("f", "string", null, true, false, null, false), false)
                  .sqlType())
          .isEqualTo("HUGEINT");
    }

    @Test
    void int64IsBigint() {
      assertThat(Column.of(field("integer", "int64", false, null), false).sqlType())
          .isEqualTo("BIGINT");
    }

    @Test
    void aDayKeyIsADateAndAnotherTimestampATimestamp() {
      assertThat(Column.of(field("string", "date-time", false, null), true).sqlType())
          .isEqualTo("DATE");
      assertThat(Column.of(field("string", "date-time", false, null), false).sqlType())
          .isEqualTo("TIMESTAMP");
      assertThat(Column.of(field("string", "date", false, null), false).sqlType())
          .isEqualTo("DATE");
      assertThat(Column.of(field("string", null, false, null), false).sqlType())
          .isEqualTo("VARCHAR");
    }

    @ParameterizedTest(name = "magnitude {0} gives DECIMAL(38,{1})")
    @CsvSource({
      // 8 orders of magnitude of headroom above the typical value, at least 12 integer digits
      "3.0e+08, 21",
      "2.0e+05, 24",
      "2.0e-04, 26",
      "1.0e-11, 26",
      "2.0e+19, 10",
      "0, 18"
    })
    void decimalsKeepTheScaleTheirMagnitudeLeaves(double magnitude, int scale) {
      assertThat(
              Column.of(field("number", null, false, magnitude == 0 ? null : magnitude), false)
                  .sqlType())
          .isEqualTo("DECIMAL(38," + scale + ")");
    }
  }

  @Nested
  class ExactValues {
    @Test
    void aHugeintTakesDigitsNoDoubleHolds() throws Exception {
      assertThat(
              Column.of(field("number", null, true, null), false)
                  .convert(json("20431876696867700001")))
          .isEqualTo(new BigInteger("20431876696867700001"));
    }

    @Test
    void aHugeintTakesAWholeNumberWrittenWithAnExponent() throws Exception {
      assertThat(
              Column.of(field("number", null, true, null), false)
                  .convert(json("2.0431876696867e+19")))
          .isEqualTo(new BigInteger("20431876696867000000"));
    }

    @Test
    void aDecimalKeepsEveryDigit() throws Exception {
      assertThat(
              Column.of(field("number", null, false, 3e8), false)
                  .convert(json("316590544.83518726")))
          .isEqualTo(new BigDecimal("316590544.835187260000000000000"));
    }

    @Test
    void daysAndHoursAreUtc() throws Exception {
      assertThat(
              Column.of(field("string", "date-time", false, null), true)
                  .convert(json("\"2024-02-29T00:00:00Z\"")))
          .isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(
              Column.of(field("string", "date-time", false, null), false)
                  .convert(json("\"2024-02-29T23:00:00+01:00\"")))
          .isEqualTo(LocalDateTime.of(2024, 2, 29, 22, 0));
    }

    @Test
    void nullIsNull() throws Exception {
      assertThat(Column.of(field("number", null, true, null), false).convert(json("null")))
          .isNull();
    }
  }

  @Nested
  class Misfits {
    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @CsvSource(
        delimiter = '|',
        value = {
          "number|true|1.5|not a whole number",
          "number|true|200000000000000000000000000000000000000000|beyond HUGEINT",
          "number|false|0.1234567890123456789012345678|more than 26 decimals",
          "number|false|1234567890123456789|more than 12 integer digits",
          "integer|false|9223372036854775808|Overflow",
          "string|false|12|not a string",
        })
    void aValueThatDoesNotFitFailsSayingWhy(String type, boolean whole, String value, String why)
        throws Exception {
      Column column =
          Column.of(
              field(
                  type,
                  "integer".equals(type) ? "int64" : null,
                  whole,
                  "number".equals(type) && !whole ? 2e-4 : null),
              false);
      assertThatThrownBy(() -> column.convert(json(value)))
          .isInstanceOf(Column.Misfit.class)
          .hasMessageContaining(why.equals("Overflow") ? "" : why);
    }

    @Test
    void aDayThatIsNotMidnightIsNotADay() {
      Column day = Column.of(field("string", "date-time", false, null), true);
      assertThatThrownBy(() -> day.convert(json("\"2024-01-01T05:00:00Z\"")))
          .isInstanceOf(Column.Misfit.class)
          .hasMessageContaining("not midnight UTC");
    }
  }
}
