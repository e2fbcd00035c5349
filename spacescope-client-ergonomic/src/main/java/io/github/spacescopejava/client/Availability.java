package io.github.spacescopejava.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * When SpaceScope data exists: from mainnet genesis up to the last published day. Pure arithmetic
 * on UTC instants; no clock, no system time zone.
 *
 * <p>Day D is published at 21:00 UTC on day D+1. With {@code now = 2024-03-11T20:59:59Z} the latest
 * available day is 2024-03-09; one second later, at {@code 2024-03-11T21:00:00Z}, it is 2024-03-10.
 * An hour of day D is published together with day D, so the latest available hour at {@code
 * 2024-03-11T21:00:00Z} is {@code 2024-03-10T23:00:00Z}.
 *
 * <p>Package-private, beside the value types that use it; the rest of the client reaches it through
 * {@link DateRange#latestAvailableDay(java.time.Clock)} and {@link DateRange#publishedAt}.
 */
final class Availability {

  /**
   * Filecoin mainnet genesis (the "liftoff" block, epoch 0, was mined on 2020-08-24 22:00 UTC): the
   * first UTC day for which any data can exist.
   */
  public static final LocalDate MAINNET_GENESIS = LocalDate.of(2020, 8, 24);

  /** The time of day, in UTC, at which day D is published (on day D+1). */
  public static final LocalTime PUBLICATION_TIME_UTC = LocalTime.of(21, 0);

  // Publication happens 1 day + 21 hours after the start of the day it describes.
  private static final Duration PUBLICATION_LAG = Duration.ofHours(24 + 21);

  private Availability() {}

  /** The instant at which {@code day} is published: 21:00 UTC on the following day. */
  public static Instant publishedAt(LocalDate day) {
    return day.plusDays(1).atTime(PUBLICATION_TIME_UTC).toInstant(ZoneOffset.UTC);
  }

  /** Whether {@code day} is published at {@code now}, that is {@code now >= publishedAt(day)}. */
  public static boolean isPublished(LocalDate day, Instant now) {
    return !now.isBefore(publishedAt(day));
  }

  /**
   * The latest UTC day whose data is published at {@code now}: the day D with {@code publishedAt(D)
   * <= now < publishedAt(D + 1)}.
   */
  public static LocalDate latestAvailableDay(Instant now) {
    // publishedAt(D) = start of D + 45 h, so D is the UTC date of (now - 45 h).
    return LocalDate.ofInstant(now.minus(PUBLICATION_LAG), ZoneOffset.UTC);
  }

  /**
   * The latest hour (an instant on the hour) whose hourly data is published at {@code now}: 23:00
   * UTC of {@link #latestAvailableDay(Instant)}, because every hour of day D is published with D.
   */
  public static Instant latestAvailableHour(Instant now) {
    return lastHourOf(latestAvailableDay(now));
  }

  /** The first hour of a UTC day: 00:00. */
  public static Instant firstHourOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The last hour of a UTC day: 23:00. */
  public static Instant lastHourOf(LocalDate day) {
    return day.atTime(23, 0).toInstant(ZoneOffset.UTC);
  }
}
