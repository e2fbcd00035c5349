package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.DateRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** When a day's data is published, asked of the client rather than restated here. */
final class Publication {
  private Publication() {}

  /**
   * The first minute at which the client considers {@code day} published: found by bisection over
   * {@link DateRange#latestAvailableDay(Clock)}, so the rule (21:00 UTC on the next day) lives in
   * the client only.
   */
  static Instant readyAt(LocalDate day) {
    long lo = startOf(day).getEpochSecond() / 60;
    long hi = lo + Duration.ofDays(4).toMinutes();
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      Clock at = Clock.fixed(Instant.ofEpochSecond(mid * 60), ZoneOffset.UTC);
      if (DateRange.latestAvailableDay(at).isBefore(day)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Instant.ofEpochSecond(lo * 60);
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
