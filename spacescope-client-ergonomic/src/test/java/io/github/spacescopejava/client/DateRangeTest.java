package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangeTest {

  private static final String A_DAY = "a UTC day such as 2024-01-01";

  @Nested
  class Construction {

    @ParameterizedTest(name = "{0}..{1}: {2}")
    @CsvSource(
        delimiter = '|',
        nullValues = "null",
        textBlock =
            """
            2024-03-10 | 2024-03-01 | range.start: 2024-03-10 is not accepted; accepted: a day on or before range.end 2024-03-01
            2024-01-01 | 2023-12-31 | range.start: 2024-01-01 is not accepted; accepted: a day on or before range.end 2023-12-31
            null       | 2024-03-01 | range.start: null is not accepted; accepted: a UTC day such as 2024-01-01
            2024-03-01 | null       | range.end: null is not accepted; accepted: a UTC day such as 2024-01-01
            null       | null       | range.start: null is not accepted; accepted: a UTC day such as 2024-01-01; range.end: null is not accepted; accepted: a UTC day such as 2024-01-01
            """)
    void refusesMissingOrReversedEnds(LocalDate start, LocalDate end, String message) {
      assertThatThrownBy(() -> new DateRange(start, end))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(message);
    }

    @Test
    void namesTheParameterValueAndAcceptedFormInTheViolation() {
      assertThatThrownBy(() -> DateRange.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 1)))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .containsExactly(
                          new Violation(
                              "range.start",
                              "2024-03-10",
                              "a day on or before range.end 2024-03-01")));
    }

    @Test
    void reportsBothMissingEndsAtOnce() {
      assertThatThrownBy(() -> new DateRange(null, null))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .containsExactly(
                          new Violation("range.start", "null", A_DAY),
                          new Violation("range.end", "null", A_DAY)));
    }

    @Test
    void acceptsASingleDay() {
      LocalDate day = LocalDate.of(2024, 3, 10);

      assertThat(DateRange.day(day)).isEqualTo(DateRange.of(day, day));
      assertThat(DateRange.day(day).days()).isEqualTo(1);
    }

    @Test
    void acceptsDaysBeforeMainnetBecauseThatRuleIsAConstraint() {
      // @OnOrAfterMainnet is checked by validators, not the constructor: year(2020) must exist.
      assertThat(DateRange.year(2020).start()).isEqualTo(LocalDate.of(2020, 1, 1));
    }
  }

  @Nested
  class Parsing {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2024-01-01..2024-03-31",
          "2024-01-01..2024-01-01",
          "2020-08-24..2026-11-25",
          "2023-12-31..2024-01-01",
          "+10000-01-01..+10000-12-31"
        })
    void roundTripsToString(String text) {
      DateRange range = DateRange.parse(text);

      assertThat(range.toString()).isEqualTo(text);
      assertThat(DateRange.parse(range.toString())).isEqualTo(range);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
        strings = {
          "",
          "2024-01-01",
          "2024-01-01..",
          "..2024-01-01",
          "2024-01-01...2024-01-02",
          "2024-01-01 .. 2024-01-02",
          "2024-01-01/2024-01-02",
          "2024-1-1..2024-1-2",
          "2024-02-30..2024-03-01",
          "2024-01-01T00:00:00Z..2024-01-02T00:00:00Z"
        })
    void refusesTextNotOfTheFormStartDotDotEnd(String text) {
      assertThatThrownBy(() -> DateRange.parse(text))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "range: \""
                  + text
                  + "\" is not accepted; accepted: start..end as ISO dates, both included, such"
                  + " as 2024-01-01..2024-03-31");
    }

    @Test
    void reportsReversedEndsLikeTheConstructor() {
      assertThatThrownBy(() -> DateRange.parse("2024-03-10..2024-03-01"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("range.start: 2024-03-10 is not accepted");
    }
  }

  @Nested
  class Factories {

    @ParameterizedTest(name = "year {0} has {1} days")
    @CsvSource({"2024, 366", "2023, 365", "2000, 366", "2100, 365", "2021, 365"})
    void coversAWholeYear(int year, long days) {
      DateRange range = DateRange.year(year);

      assertThat(range.days()).isEqualTo(days);
      assertThat(range.toString()).isEqualTo(year + "-01-01.." + year + "-12-31");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "2024-02, 2024-02-01..2024-02-29",
      "2023-02, 2023-02-01..2023-02-28",
      "2024-12, 2024-12-01..2024-12-31",
      "2022-07, 2022-07-01..2022-07-31",
    })
    void coversAWholeMonth(String month, String expected) {
      assertThat(DateRange.month(YearMonth.parse(month))).hasToString(expected);
    }

    @Test
    void refusesAYearOutsideTheCalendar() {
      assertThatThrownBy(() -> DateRange.year(Integer.MAX_VALUE))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("year: 2147483647 is not accepted; accepted: a year from");
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
      "2024-03-11T20:59:59Z, 2024-02-09..2024-03-09",
      "2024-03-11T21:00:00Z, 2024-02-10..2024-03-10",
      "2024-03-12T00:00:00Z, 2024-02-10..2024-03-10",
    })
    void lastThirtyDaysEndAtTheLatestAvailableDay(Instant now, String expected) {
      Clock clock = Clock.fixed(now, ZoneId.of("Pacific/Kiritimati"));

      DateRange range = DateRange.lastDays(30, clock);

      assertThat(range).hasToString(expected);
      assertThat(range.days()).isEqualTo(30);
      assertThat(range.end()).isEqualTo(DateRange.latestAvailableDay(clock));
    }

    @Test
    void lastOneDayIsTheLatestAvailableDay() {
      Clock clock = Clock.fixed(Instant.parse("2026-11-26T21:00:00Z"), ZoneId.of("UTC"));

      assertThat(DateRange.lastDays(1, clock)).isEqualTo(DateRange.day(LocalDate.of(2026, 11, 25)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void refusesFewerThanOneDay(int n) {
      Clock clock = Clock.fixed(Instant.parse("2024-03-12T00:00:00Z"), ZoneId.of("UTC"));

      assertThatThrownBy(() -> DateRange.lastDays(n, clock))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("days: " + n + " is not accepted; accepted: 1 or more");
    }

    @Test
    void exposesMainnetGenesis() {
      assertThat(DateRange.MAINNET_GENESIS).isEqualTo(LocalDate.of(2020, 8, 24));
    }
  }

  @Nested
  class Queries {

    private final DateRange leapWeek = DateRange.parse("2024-02-27..2024-03-02");

    @Test
    void countsDaysWithBothEndsIncluded() {
      assertThat(DateRange.parse("2024-02-28..2024-03-01").days()).isEqualTo(3);
      assertThat(DateRange.parse("2023-02-28..2023-03-01").days()).isEqualTo(2);
      assertThat(DateRange.parse("2024-01-01..2024-03-31").days()).isEqualTo(91);
    }

    @Test
    void listsEveryDateInOrder() {
      assertThat(leapWeek.dates())
          .extracting(LocalDate::toString)
          .containsExactly("2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02");
    }

    @Test
    void listsDatesUpToTheLastRepresentableDay() {
      DateRange last = DateRange.of(LocalDate.MAX.minusDays(1), LocalDate.MAX);

      assertThat(last.dates()).containsExactly(LocalDate.MAX.minusDays(1), LocalDate.MAX);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
      "2024-02-26, false",
      "2024-02-27, true",
      "2024-02-29, true",
      "2024-03-02, true",
      "2024-03-03, false"
    })
    void containsItsEndsAndTheDaysBetween(LocalDate day, boolean expected) {
      assertThat(leapWeek.contains(day)).isEqualTo(expected);
    }

    @Test
    void splitsTwoHundredDaysIntoNinetyNinetyAndTwenty() {
      assertThat(DateRange.parse("2024-01-01..2024-07-18").split(90))
          .extracting(DateRange::toString)
          .containsExactly(
              "2024-01-01..2024-03-30", "2024-03-31..2024-06-28", "2024-06-29..2024-07-18");
    }

    @Test
    void refusesToSplitByZeroDays() {
      assertThatThrownBy(() -> leapWeek.split(0))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("maxDaysPerWindow: 0 is not accepted; accepted: 1 or more");
    }
  }
}
