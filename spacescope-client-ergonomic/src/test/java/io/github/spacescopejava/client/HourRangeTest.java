package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HourRangeTest {

  @Nested
  class Construction {

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        textBlock =
            """
            2022-07-01T05:00:00Z | 2022-07-01T04:00:00Z | range.start: 2022-07-01T05:00:00Z is not accepted; accepted: an hour on or before range.end 2022-07-01T04:00:00Z
            2022-07-01T00:30:00Z | 2022-07-01T04:00:00Z | range.start: 2022-07-01T00:30:00Z is not accepted; accepted: an instant exactly on the hour, such as 2022-07-01T00:00:00Z
            2022-07-01T00:00:00Z | 2022-07-01T04:00:01Z | range.end: 2022-07-01T04:00:01Z is not accepted; accepted: an instant exactly on the hour, such as 2022-07-01T00:00:00Z
            2022-07-01T00:00:00Z | 2022-07-01T04:00:00.001Z | range.end: 2022-07-01T04:00:00.001Z is not accepted; accepted: an instant exactly on the hour, such as 2022-07-01T00:00:00Z
            null                 | 2022-07-01T04:00:00Z | range.start: null is not accepted; accepted: an instant exactly on the hour, such as 2022-07-01T00:00:00Z
            2022-07-01T00:00:00Z | null                 | range.end: null is not accepted; accepted: an instant exactly on the hour, such as 2022-07-01T00:00:00Z
            """)
    void refusesMissingOffTheHourOrReversedEnds(Instant start, Instant end, String message) {
      assertThatThrownBy(() -> new HourRange(start, end))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(message);
    }

    @Test
    void reportsEveryBadEndAtOnce() {
      assertThatThrownBy(
              () ->
                  HourRange.of(
                      Instant.parse("2022-07-01T10:15:00Z"), Instant.parse("2022-07-01T00:00:01Z")))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(InvalidInputException.Violation::parameter)
                      .containsExactly("range.start", "range.end"));
    }

    @Test
    void acceptsHoursBeforeTheEpoch() {
      HourRange range =
          HourRange.of(
              Instant.parse("1969-12-31T23:00:00Z"), Instant.parse("1970-01-01T00:00:00Z"));

      assertThat(range.hours()).isEqualTo(2);
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2022-07-01T00:00:00Z..2022-07-01T23:00:00Z",
          "2022-07-01T05:00:00Z..2022-07-01T05:00:00Z",
          "2023-12-31T22:00:00Z..2024-01-01T01:00:00Z"
        })
    void roundTripsToString(String text) {
      HourRange range = HourRange.parse(text);

      assertThat(range).hasToString(text);
      assertThat(HourRange.parse(range.toString())).isEqualTo(range);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "",
          "2022-07-01T00:00:00Z",
          "2022-07-01..2022-07-02",
          "2022-07-01T00:00:00..2022-07-01T01:00:00",
          "2022-07-01T00:00:00Z/2022-07-01T01:00:00Z"
        })
    void refusesTextNotOfTheFormStartDotDotEnd(String text) {
      assertThatThrownBy(() -> HourRange.parse(text))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("range: \"" + text + "\" is not accepted; accepted: start..end");
    }

    @Test
    void refusesParsedEndsOffTheHour() {
      assertThatThrownBy(() -> HourRange.parse("2022-07-01T00:00:00Z..2022-07-01T01:30:00Z"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("range.end: 2022-07-01T01:30:00Z is not accepted");
    }
  }

  @Nested
  class Factories {

    @Test
    void coversTheTwentyFourHoursOfAUtcDay() {
      HourRange day = HourRange.day(LocalDate.of(2022, 7, 1));

      assertThat(day).hasToString("2022-07-01T00:00:00Z..2022-07-01T23:00:00Z");
      assertThat(day.hours()).isEqualTo(24);
    }

    @Test
    void coversEveryHourOfADateRange() {
      HourRange range = HourRange.ofDays(DateRange.parse("2024-02-28..2024-03-01"));

      assertThat(range).hasToString("2024-02-28T00:00:00Z..2024-03-01T23:00:00Z");
      assertThat(range.hours()).isEqualTo(72);
      assertThat(range.toDateRange()).isEqualTo(DateRange.parse("2024-02-28..2024-03-01"));
    }
  }

  @Nested
  class Formatting {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "2022-07-01T00:00:00Z, 2022-07-01T00:00:00Z",
      "2022-07-01T13:00:00Z, 2022-07-01T13:00:00Z",
      "2022-07-01T13:00:00.5Z, 2022-07-01T13:00:00Z",
      "2024-02-29T23:00:00Z, 2024-02-29T23:00:00Z",
    })
    void alwaysPrintsSecondsInUtc(Instant instant, String expected) {
      assertThat(HourRange.rfc3339(instant)).isEqualTo(expected);
    }
  }

  @Nested
  class Queries {

    private final HourRange range = HourRange.parse("2022-07-01T22:00:00Z..2022-07-02T01:00:00Z");

    @Test
    void listsEveryHourInOrder() {
      assertThat(range.instants())
          .extracting(HourRange::rfc3339)
          .containsExactly(
              "2022-07-01T22:00:00Z",
              "2022-07-01T23:00:00Z",
              "2022-07-02T00:00:00Z",
              "2022-07-02T01:00:00Z");
      assertThat(range.hours()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
      "2022-07-01T21:59:59Z, false",
      "2022-07-01T22:00:00Z, true",
      "2022-07-01T23:30:00Z, true",
      "2022-07-02T01:00:00Z, true",
      "2022-07-02T01:00:01Z, false",
    })
    void containsItsEndsAndEverythingBetween(Instant instant, boolean expected) {
      assertThat(range.contains(instant)).isEqualTo(expected);
    }

    @Test
    void splitsJulyIntoTheLargestWindowsAThirtyOneDayLimitAllows() {
      HourRange july = HourRange.ofDays(DateRange.month(YearMonth.of(2022, 7)));

      assertThat(july.split(31))
          .extracting(HourRange::toString)
          .containsExactly(
              "2022-07-01T00:00:00Z..2022-07-31T00:00:00Z",
              "2022-07-31T01:00:00Z..2022-07-31T23:00:00Z");
    }

    @Test
    void touchesTheUtcDaysOfItsEnds() {
      assertThat(range.toDateRange()).hasToString("2022-07-01..2022-07-02");
    }
  }
}
