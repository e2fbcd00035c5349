package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsTest {

  private static List<String> texts(List<?> windows) {
    return windows.stream().map(Object::toString).toList();
  }

  private static List<String> split(String text) {
    return Arrays.asList(text.split(" "));
  }

  @Nested
  class SplittingDays {

    @ParameterizedTest(name = "{0} at {1} days -> {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # range                  | limit | expected windows
            2024-01-01..2024-01-01   | 90    | 2024-01-01..2024-01-01
            2024-01-01..2024-01-01   | 1     | 2024-01-01..2024-01-01
            2024-01-01..2024-01-03   | 1     | 2024-01-01..2024-01-01 2024-01-02..2024-01-02 2024-01-03..2024-01-03
            2022-07-01..2022-07-31   | 31    | 2022-07-01..2022-07-31
            2022-07-01..2022-08-01   | 31    | 2022-07-01..2022-07-31 2022-08-01..2022-08-01
            2024-01-01..2024-07-18   | 90    | 2024-01-01..2024-03-30 2024-03-31..2024-06-28 2024-06-29..2024-07-18
            2024-02-28..2024-03-01   | 3     | 2024-02-28..2024-03-01
            2024-02-28..2024-03-01   | 2     | 2024-02-28..2024-02-29 2024-03-01..2024-03-01
            2023-02-28..2023-03-01   | 1     | 2023-02-28..2023-02-28 2023-03-01..2023-03-01
            2023-12-31..2024-01-01   | 1     | 2023-12-31..2023-12-31 2024-01-01..2024-01-01
            2023-12-15..2024-01-20   | 31    | 2023-12-15..2024-01-14 2024-01-15..2024-01-20
            2020-08-24..2020-12-31   | 90    | 2020-08-24..2020-11-21 2020-11-22..2020-12-31
            """)
    void cutsIntoConsecutiveWindowsOfAtMostTheLimit(String range, int limit, String expected) {
      assertThat(texts(Windows.split(DateRange.parse(range), limit))).isEqualTo(split(expected));
    }

    @Test
    void splitsTwoHundredDaysIntoThreeWindows() {
      DateRange range = DateRange.parse("2024-01-01..2024-07-18");

      List<DateRange> windows = Windows.split(range, 90);

      assertThat(range.days()).isEqualTo(200);
      assertThat(windows).extracting(DateRange::days).containsExactly(90L, 90L, 20L);
    }

    @Test
    void aRangeThatFitsIsItsOwnOnlyWindow() {
      DateRange range = DateRange.parse("2024-01-01..2024-03-31");

      assertThat(Windows.split(range, 91)).containsExactly(range);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void refusesALimitBelowOneDay(int limit) {
      assertThatThrownBy(() -> Windows.split(DateRange.parse("2024-01-01..2024-01-31"), limit))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("maxDaysPerWindow: " + limit + " is not accepted; accepted: 1 or more");
    }
  }

  @Nested
  class SplittingHours {

    @ParameterizedTest(name = "{0} at {1} days -> {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # range                                       | limit | expected windows
            2022-07-01T00:00:00Z..2022-07-01T00:00:00Z    | 31    | 2022-07-01T00:00:00Z..2022-07-01T00:00:00Z
            2022-07-01T00:00:00Z..2022-07-01T02:00:00Z    | 1     | 2022-07-01T00:00:00Z..2022-07-01T00:00:00Z 2022-07-01T01:00:00Z..2022-07-01T01:00:00Z 2022-07-01T02:00:00Z..2022-07-01T02:00:00Z
            2022-07-01T00:00:00Z..2022-07-02T00:00:00Z    | 2     | 2022-07-01T00:00:00Z..2022-07-02T00:00:00Z
            2022-07-01T00:00:00Z..2022-07-02T01:00:00Z    | 2     | 2022-07-01T00:00:00Z..2022-07-02T00:00:00Z 2022-07-02T01:00:00Z..2022-07-02T01:00:00Z
            2022-07-01T00:00:00Z..2022-07-31T00:00:00Z    | 31    | 2022-07-01T00:00:00Z..2022-07-31T00:00:00Z
            2022-07-01T00:00:00Z..2022-07-31T23:00:00Z    | 31    | 2022-07-01T00:00:00Z..2022-07-31T00:00:00Z 2022-07-31T01:00:00Z..2022-07-31T23:00:00Z
            2024-02-28T12:00:00Z..2024-03-01T12:00:00Z    | 2     | 2024-02-28T12:00:00Z..2024-02-29T12:00:00Z 2024-02-29T13:00:00Z..2024-03-01T12:00:00Z
            2023-12-31T22:00:00Z..2024-01-01T01:00:00Z    | 1     | 2023-12-31T22:00:00Z..2023-12-31T22:00:00Z 2023-12-31T23:00:00Z..2023-12-31T23:00:00Z 2024-01-01T00:00:00Z..2024-01-01T00:00:00Z 2024-01-01T01:00:00Z..2024-01-01T01:00:00Z
            """)
    void keepsEachWindowWithinTheHourlyRule(String range, int limit, String expected) {
      assertThat(texts(Windows.split(HourRange.parse(range), limit))).isEqualTo(split(expected));
    }

    @ParameterizedTest(name = "{0} days -> {1} hours")
    @CsvSource({"1, 1", "2, 25", "31, 721", "90, 2137"})
    void allowsAtMostTheLimitMinusOneDaysOfDistancePlusOneHour(int days, long hours) {
      assertThat(Windows.maxHoursPerWindow(days)).isEqualTo(hours);
    }

    @Test
    void splitsTheHoursOfNinetyDaysIntoTwoWindowsAtNinety() {
      HourRange range = HourRange.ofDays(DateRange.parse("2024-01-01..2024-03-30"));

      List<HourRange> windows = Windows.split(range, 90);

      assertThat(range.hours()).isEqualTo(2160);
      assertThat(windows).extracting(HourRange::hours).containsExactly(2137L, 23L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5})
    void refusesALimitBelowOneDay(int limit) {
      HourRange range = HourRange.parse("2022-07-01T00:00:00Z..2022-07-01T23:00:00Z");

      assertThatThrownBy(() -> Windows.split(range, limit))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("maxDaysPerWindow: " + limit);
    }
  }

  @Nested
  class Halving {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2024-01-01..2024-01-02 | 2024-01-01..2024-01-01 2024-01-02..2024-01-02
            2024-01-01..2024-01-03 | 2024-01-01..2024-01-02 2024-01-03..2024-01-03
            2024-01-01..2024-03-31 | 2024-01-01..2024-02-15 2024-02-16..2024-03-31
            2023-12-31..2024-01-01 | 2023-12-31..2023-12-31 2024-01-01..2024-01-01
            2024-01-01..2024-01-01 | 2024-01-01..2024-01-01
            """)
    void halvesDayWindowsOrReturnsASingleDayUnchanged(String window, String expected) {
      assertThat(texts(Windows.halves(DateRange.parse(window)))).isEqualTo(split(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2022-07-01T00:00:00Z..2022-07-01T01:00:00Z | 2022-07-01T00:00:00Z..2022-07-01T00:00:00Z 2022-07-01T01:00:00Z..2022-07-01T01:00:00Z
            2022-07-01T00:00:00Z..2022-07-01T23:00:00Z | 2022-07-01T00:00:00Z..2022-07-01T11:00:00Z 2022-07-01T12:00:00Z..2022-07-01T23:00:00Z
            2022-07-01T00:00:00Z..2022-07-01T02:00:00Z | 2022-07-01T00:00:00Z..2022-07-01T01:00:00Z 2022-07-01T02:00:00Z..2022-07-01T02:00:00Z
            2022-07-01T05:00:00Z..2022-07-01T05:00:00Z | 2022-07-01T05:00:00Z..2022-07-01T05:00:00Z
            """)
    void halvesHourWindowsOrReturnsASingleHourUnchanged(String window, String expected) {
      assertThat(texts(Windows.halves(HourRange.parse(window)))).isEqualTo(split(expected));
    }
  }
}
