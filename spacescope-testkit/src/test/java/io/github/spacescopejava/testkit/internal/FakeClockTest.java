package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FakeClockTest {

  @ParameterizedTest(name = "at {0} the latest day is {1}")
  @CsvSource({
    "2022-07-02T20:59:59.999Z, 2022-06-30",
    "2022-07-02T21:00:00Z,     2022-07-01",
    "2022-07-02T23:59:59Z,     2022-07-01",
    "2022-07-03T00:00:00Z,     2022-07-01",
    "2022-07-03T21:00:00Z,     2022-07-02",
    "2025-01-01T00:00:00Z,     2024-12-30",
    "2024-03-01T21:00:00Z,     2024-02-29"
  })
  void dayDIsPublishedAt2100UtcOnDayDPlusOne(Instant now, LocalDate latest) {
    assertThat(FakeClock.latestAvailableDay(now)).isEqualTo(latest);
    assertThat(FakeClock.publicationOf(latest)).isBeforeOrEqualTo(now);
    assertThat(FakeClock.publicationOf(latest.plusDays(1))).isAfter(now);
  }

  @Test
  void setAdvanceAndResetMoveTheClock() {
    FakeClock clock = FakeClock.fixedAt(Instant.parse("2022-07-01T00:00:00Z"));

    clock.advance(Duration.ofHours(5));
    assertThat(clock.instant()).isEqualTo("2022-07-01T05:00:00Z");
    clock.set(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo("2030-01-01T00:00:00Z");
    clock.reset();
    assertThat(clock.instant()).isEqualTo("2022-07-01T00:00:00Z");
  }

  @Test
  void aViewInAnotherZoneFollowsTheClock() {
    FakeClock clock = FakeClock.fixedAt(Instant.parse("2022-07-01T00:00:00Z"));
    Clock kiritimati = clock.withZone(ZoneId.of("Pacific/Kiritimati"));

    clock.advance(Duration.ofDays(1));

    assertThat(kiritimati.instant()).isEqualTo("2022-07-02T00:00:00Z");
    assertThat(kiritimati.getZone()).isEqualTo(ZoneId.of("Pacific/Kiritimati"));
  }

  @Test
  void theSystemClockKeepsRunningWhenAdvanced() {
    FakeClock clock = FakeClock.system();

    clock.advance(Duration.ofDays(365));

    assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(364)));
  }
}
