package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvailabilityTest {

  @Nested
  class LatestAvailableDay {

    @ParameterizedTest(name = "at {0} the latest day is {1}")
    @CsvSource({
      // Day 2024-03-10 is published at 2024-03-11T21:00:00Z.
      "2024-03-11T00:00:00Z, 2024-03-09",
      "2024-03-11T20:59:59Z, 2024-03-09",
      "2024-03-11T20:59:59.999999999Z, 2024-03-09",
      "2024-03-11T21:00:00Z, 2024-03-10",
      "2024-03-11T21:00:01Z, 2024-03-10",
      "2024-03-11T23:59:59Z, 2024-03-10",
      "2024-03-12T00:00:00Z, 2024-03-10",
      "2024-03-12T20:59:59Z, 2024-03-10",
      "2024-03-12T21:00:00Z, 2024-03-11",
      // Leap day and year boundary.
      "2024-03-01T21:00:00Z, 2024-02-29",
      "2024-01-01T21:00:00Z, 2023-12-31",
      "2024-01-01T20:59:59Z, 2023-12-30",
    })
    void flipsAtTwentyOneHundredUtcOnTheNextDay(Instant now, LocalDate expected) {
      assertThat(Availability.latestAvailableDay(now)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "at {0} the latest hour is {1}")
    @CsvSource({
      "2024-03-11T20:59:59Z, 2024-03-09T23:00:00Z",
      "2024-03-11T21:00:00Z, 2024-03-10T23:00:00Z",
      "2024-03-11T21:00:01Z, 2024-03-10T23:00:00Z",
      "2024-03-12T00:00:00Z, 2024-03-10T23:00:00Z",
    })
    void publishesEveryHourOfADayWithThatDay(Instant now, Instant expected) {
      assertThat(Availability.latestAvailableHour(now)).isEqualTo(expected);
    }
  }

  @Nested
  class PublishedAt {

    @ParameterizedTest(name = "{0} is published at {1}")
    @CsvSource({
      "2024-03-10, 2024-03-11T21:00:00Z",
      "2024-02-29, 2024-03-01T21:00:00Z",
      "2023-12-31, 2024-01-01T21:00:00Z",
      "2020-08-24, 2020-08-25T21:00:00Z",
    })
    void isTwentyOneHundredUtcOnTheNextDay(LocalDate day, Instant expected) {
      assertThat(Availability.publishedAt(day)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "at {0}: published = {1}")
    @CsvSource({
      "2024-03-11T20:59:59Z, false",
      "2024-03-11T21:00:00Z, true",
      "2024-03-11T21:00:01Z, true",
    })
    void tellsWhetherADayIsPublished(Instant now, boolean expected) {
      assertThat(Availability.isPublished(LocalDate.of(2024, 3, 10), now)).isEqualTo(expected);
    }
  }

  @Nested
  class TimeZones {

    @Test
    void runsInAZoneFarFromUtc() {
      // The build sets -Duser.timezone=Pacific/Kiritimati (UTC+14) so that zone bugs show.
      assumeFalse(
          ZoneId.systemDefault().getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC),
          "run with a non-UTC user.timezone");
      Instant now = Instant.parse("2024-03-11T20:59:59Z");

      // In Kiritimati it is already 2024-03-12 10:59:59, yet only 2024-03-09 is published.
      assertThat(Availability.latestAvailableDay(now)).isEqualTo(LocalDate.of(2024, 3, 9));
    }

    @ParameterizedTest(name = "a clock in {0}")
    @ValueSource(strings = {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"})
    void onlyTheClocksInstantMattersNotItsZone(String zone) {
      Instant cutOff = Instant.parse("2024-03-11T21:00:00Z");

      Clock before = Clock.fixed(cutOff.minusSeconds(1), ZoneId.of(zone));
      Clock at = Clock.fixed(cutOff, ZoneId.of(zone));

      assertThat(DateRange.latestAvailableDay(before)).isEqualTo(LocalDate.of(2024, 3, 9));
      assertThat(DateRange.latestAvailableDay(at)).isEqualTo(LocalDate.of(2024, 3, 10));
    }
  }
}
