package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.constraints.AvailabilityChecks;
import io.github.spacescopejava.client.constraints.AvailableByNow;
import io.github.spacescopejava.client.constraints.OnOrAfterMainnet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * An inclusive range of UTC hours for the hourly endpoints, such as {@code
 * 2022-07-01T00:00:00Z..2022-07-01T23:00:00Z} (24 hours, both ends included). Both ends are
 * instants exactly on the hour.
 *
 * <p>Hourly endpoints take the same day figure as day-range ones ({@code x-max-window-days: N}) but
 * apply it to the distance between the ends: {@code end - start <= (N - 1) * 24} hours. With N = 31
 * one request may ask for {@code 2022-07-01T00:00:00Z..2022-07-31T00:00:00Z}, that is 721 hourly
 * rows, and {@link #split(int)} cuts longer ranges accordingly.
 *
 * <p>The constraints {@link OnOrAfterMainnet} (start not before 2020-08-24T00:00:00Z) and {@link
 * AvailableByNow} (end not after the latest published hour, in the group {@link
 * AvailabilityChecks}) apply as they do to {@link DateRange}. Every hour of day D is published with
 * day D, at 21:00 UTC on D+1.
 *
 * @param start the first hour, inclusive
 * @param end the last hour, inclusive
 */
@OnOrAfterMainnet
@AvailableByNow(groups = AvailabilityChecks.class)
public record HourRange(Instant start, Instant end) {

  // Always prints seconds; Instant.toString does too, but this says so and stays UTC.
  private static final DateTimeFormatter RFC_3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final String AN_HOUR =
      "an instant exactly on the hour, such as 2022-07-01T00:00:00Z";

  /**
   * Checks the range.
   *
   * @throws InvalidInputException if an end is missing or not on the hour ({@code range.start},
   *     {@code range.end}), or start is after end ({@code range.start})
   */
  public HourRange {
    // Null-marked, but a caller without a null checker can still pass null: name it.
    List<Violation> violations = new ArrayList<>(2);
    if (start == null) {
      violations.add(new Violation("range.start", "null", AN_HOUR));
    } else if (!isOnTheHour(start) || !isDated(start)) {
      violations.add(new Violation("range.start", start.toString(), accepted(start)));
    }
    if (end == null) {
      violations.add(new Violation("range.end", "null", AN_HOUR));
    } else if (!isOnTheHour(end) || !isDated(end)) {
      violations.add(new Violation("range.end", end.toString(), accepted(end)));
    }
    if (violations.isEmpty() && start.isAfter(end)) {
      violations.add(
          new Violation(
              "range.start", rfc3339(start), "an hour on or before range.end " + rfc3339(end)));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /** The hours from {@code start} to {@code end}, both included. */
  public static HourRange of(Instant start, Instant end) {
    return new HourRange(start, end);
  }

  /**
   * Parses {@code start..end}, two RFC 3339 instants, the form {@link #toString()} prints: {@code
   * 2022-07-01T00:00:00Z..2022-07-01T23:00:00Z}.
   *
   * @throws InvalidInputException naming {@code range} if the text is not of that form, or as the
   *     constructor does if an end is not on the hour or the ends are out of order
   */
  public static HourRange parse(String text) {
    DateRange.requireArgument(
        text,
        "range",
        "start..end as RFC 3339 instants, such as 2022-07-01T00:00:00Z..2022-07-01T23:00:00Z");
    int separator = text.indexOf("..");
    if (separator >= 0) {
      try {
        return new HourRange(
            Instant.parse(text.substring(0, separator)),
            Instant.parse(text.substring(separator + 2)));
      } catch (DateTimeParseException e) {
        // fall through to the one message that shows the accepted form
      }
    }
    throw new InvalidInputException(
        new Violation(
            "range",
            ProviderId.quote(text),
            "start..end as RFC 3339 UTC instants on the hour, both included, such as"
                + " 2022-07-01T00:00:00Z..2022-07-01T23:00:00Z"));
  }

  /** The 24 hours of a UTC day: {@code day(2022-07-01)} is 00:00..23:00 of 2022-07-01, UTC. */
  public static HourRange day(LocalDate day) {
    DateRange.requireArgument(day, "day", "a UTC day such as 2022-07-01");
    return new HourRange(Availability.firstHourOf(day), Availability.lastHourOf(day));
  }

  /**
   * Every hour of the days of {@code days}: from 00:00 UTC of the first day to 23:00 UTC of the
   * last day.
   */
  public static HourRange ofDays(DateRange days) {
    DateRange.requireArgument(
        days, "days", "a DateRange such as DateRange.parse(\"2022-07-01..2022-07-31\")");
    return new HourRange(
        Availability.firstHourOf(days.start()), Availability.lastHourOf(days.end()));
  }

  /**
   * An instant in the form the API expects, in UTC with seconds always printed: {@code
   * 2022-07-01T00:00:00Z} (never {@code 2022-07-01T00:00Z}, which {@code OffsetDateTime.toString()}
   * would print). Fractions of a second are dropped.
   */
  public static String rfc3339(Instant instant) {
    DateRange.requireArgument(instant, "instant", AN_HOUR);
    return RFC_3339.format(instant);
  }

  /** The number of hours, both ends included: 24 for {@link #day(LocalDate)}. */
  public long hours() {
    return (end.getEpochSecond() - start.getEpochSecond()) / 3600 + 1;
  }

  /** Whether {@code instant} lies between the ends, ends included (it need not be on the hour). */
  public boolean contains(Instant instant) {
    DateRange.requireArgument(instant, "instant", "an instant such as 2022-07-01T00:00:00Z");
    return !instant.isBefore(start) && !instant.isAfter(end);
  }

  /** Every hour of the range, in order, ends included. */
  public Stream<Instant> instants() {
    return LongStream.range(0, hours()).mapToObj(i -> start.plusSeconds(i * 3600));
  }

  /**
   * The UTC days this range touches, from the day of {@code start} to the day of {@code end}:
   * {@code 2022-07-01T22:00:00Z..2022-07-02T01:00:00Z} touches {@code 2022-07-01..2022-07-02}.
   */
  public DateRange toDateRange() {
    return new DateRange(
        LocalDate.ofInstant(start, ZoneOffset.UTC), LocalDate.ofInstant(end, ZoneOffset.UTC));
  }

  /**
   * Splits the range into consecutive windows that each satisfy an endpoint's limit of {@code
   * maxDaysLimit} days ({@code x-max-window-days}): {@code end - start <= (maxDaysLimit - 1) * 24}
   * hours, so at most {@code (maxDaysLimit - 1) * 24 + 1} hours per window, in order, the last one
   * possibly shorter. With 31, the 744 hours of July 2022 give {@code
   * 2022-07-01T00:00:00Z..2022-07-31T00:00:00Z} (721 hours) and {@code
   * 2022-07-31T01:00:00Z..2022-07-31T23:00:00Z} (23 hours).
   *
   * @throws InvalidInputException naming {@code maxDaysPerWindow} if {@code maxDaysLimit} is below
   *     1
   */
  public List<HourRange> split(int maxDaysLimit) {
    return Windows.split(this, maxDaysLimit);
  }

  /**
   * Two ranges that cover this one exactly, the first the larger when the number of hours is odd. A
   * single hour cannot be halved: the list then holds this range alone.
   */
  public List<HourRange> halves() {
    return Windows.halves(this);
  }

  /** {@code start..end} in RFC 3339, such as {@code 2022-07-01T00:00:00Z..2022-07-01T23:00:00Z}. */
  @Override
  public String toString() {
    return start + ".." + end;
  }

  // The earliest and latest hours whose UTC day a LocalDate can name.
  private static final Instant FIRST_DATED = LocalDate.MIN.atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant LAST_DATED = LocalDate.MAX.atTime(23, 0).toInstant(ZoneOffset.UTC);

  private static boolean isDated(Instant instant) {
    return !instant.isBefore(FIRST_DATED) && !instant.isAfter(LAST_DATED);
  }

  private static String accepted(Instant instant) {
    return isDated(instant) ? AN_HOUR : AN_HOUR + ", between " + FIRST_DATED + " and " + LAST_DATED;
  }

  private static boolean isOnTheHour(Instant instant) {
    return instant.getNano() == 0 && Math.floorMod(instant.getEpochSecond(), 3600L) == 0;
  }
}
