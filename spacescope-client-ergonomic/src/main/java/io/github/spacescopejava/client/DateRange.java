package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.constraints.AvailabilityChecks;
import io.github.spacescopejava.client.constraints.AvailableByNow;
import io.github.spacescopejava.client.constraints.OnOrAfterMainnet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive range of UTC days, such as {@code 2024-01-01..2024-03-31} (91 days, both ends
 * included). The API speaks UTC: a {@link LocalDate} here is always a UTC day, whatever the system
 * time zone is.
 *
 * <p>The constructor only checks that both ends are present and in order. Two further rules are
 * Bean Validation constraints, so that your own validator sees them too and the client checks them
 * before sending a request:
 *
 * <ul>
 *   <li>{@link OnOrAfterMainnet}: no day before {@link #MAINNET_GENESIS} (2020-08-24);
 *   <li>{@link AvailableByNow}, in the group {@link AvailabilityChecks}: no day after the latest
 *       published one. Day D is published at 21:00 UTC on day D+1, so at {@code
 *       2024-03-11T20:59:59Z} the latest available day is 2024-03-09, and at {@code
 *       2024-03-11T21:00:00Z} it is 2024-03-10.
 * </ul>
 *
 * <pre>{@code
 * DateRange q1 = DateRange.parse("2024-01-01..2024-03-31");
 * DateRange leap = DateRange.year(2024);             // 366 days
 * DateRange recent = DateRange.lastDays(30, clock);  // ends at the latest available day
 * List<DateRange> windows = DateRange.of(start, start.plusDays(199)).split(90); // 90, 90, 20 days
 * }</pre>
 *
 * @param start the first day, inclusive
 * @param end the last day, inclusive
 */
@OnOrAfterMainnet
@AvailableByNow(groups = AvailabilityChecks.class)
public record DateRange(LocalDate start, LocalDate end) {

  /**
   * The first UTC day any SpaceScope data can exist for: Filecoin mainnet genesis, 2020-08-24
   * (epoch 0 was mined at 22:00 UTC that day).
   */
  public static final LocalDate MAINNET_GENESIS = Availability.MAINNET_GENESIS;

  private static final String A_DAY = "a UTC day such as 2024-01-01";

  /**
   * Checks the range.
   *
   * @throws InvalidInputException if an end is missing ({@code range.start}, {@code range.end}) or
   *     start is after end ({@code range.start})
   */
  public DateRange {
    // Null-marked, but a caller without a null checker can still pass null: name it.
    List<Violation> violations = new ArrayList<>(2);
    if (start == null) {
      violations.add(new Violation("range.start", "null", A_DAY));
    }
    if (end == null) {
      violations.add(new Violation("range.end", "null", A_DAY));
    }
    if (start != null && end != null && start.isAfter(end)) {
      violations.add(
          new Violation("range.start", start.toString(), "a day on or before range.end " + end));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /** The days from {@code start} to {@code end}, both included. */
  public static DateRange of(LocalDate start, LocalDate end) {
    return new DateRange(start, end);
  }

  /** The single day {@code day..day}. */
  public static DateRange day(LocalDate day) {
    requireArgument(day, "day", A_DAY);
    return new DateRange(day, day);
  }

  /**
   * Parses {@code start..end} in ISO form, the form {@link #toString()} prints: {@code
   * 2024-01-01..2024-03-31}. A single day is written {@code 2024-01-01..2024-01-01}.
   *
   * @throws InvalidInputException naming {@code range} if the text is not of that form, or as the
   *     constructor does if the ends are out of order
   */
  public static DateRange parse(String text) {
    requireArgument(text, "range", "start..end as ISO dates, such as 2024-01-01..2024-03-31");
    int separator = text.indexOf("..");
    if (separator >= 0) {
      try {
        return new DateRange(
            LocalDate.parse(text.substring(0, separator)),
            LocalDate.parse(text.substring(separator + 2)));
      } catch (DateTimeParseException e) {
        // fall through to the one message that shows the accepted form
      }
    }
    throw new InvalidInputException(
        new Violation(
            "range",
            ProviderId.quote(text),
            "start..end as ISO dates, both included, such as 2024-01-01..2024-03-31"));
  }

  /** Every day of a calendar year: {@code year(2024)} is 2024-01-01..2024-12-31, 366 days. */
  public static DateRange year(int year) {
    if (year < Year.MIN_VALUE || year > Year.MAX_VALUE) {
      throw new InvalidInputException(
          new Violation(
              "year",
              Integer.toString(year),
              "a year from " + Year.MIN_VALUE + " to " + Year.MAX_VALUE));
    }
    Year y = Year.of(year);
    return new DateRange(y.atDay(1), y.atDay(y.length()));
  }

  /** Every day of a month: {@code month(YearMonth.of(2024, 2))} is 2024-02-01..2024-02-29. */
  public static DateRange month(YearMonth month) {
    requireArgument(month, "month", "a month such as YearMonth.of(2024, 2)");
    return new DateRange(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * The {@code n} days ending at the latest available day for {@code clock}. At {@code
   * 2024-03-11T21:00:00Z}, {@code lastDays(7, clock)} is 2024-03-04..2024-03-10; one second earlier
   * it is 2024-03-03..2024-03-09. Only the clock's instant matters, not its zone.
   *
   * @throws InvalidInputException naming {@code days} if {@code n < 1}
   */
  public static DateRange lastDays(int n, Clock clock) {
    if (n < 1) {
      throw new InvalidInputException(new Violation("days", Integer.toString(n), "1 or more"));
    }
    requireArgument(clock, "clock", "a clock, such as Clock.systemUTC()");
    LocalDate end = latestAvailableDay(clock);
    return new DateRange(end.minusDays(n - 1L), end);
  }

  /**
   * The {@code n} days ending at the latest day published by now (the system clock, read in UTC).
   * Prefer {@link #lastDays(int, Clock)} with the client's clock in code you test.
   *
   * @throws InvalidInputException naming {@code days} if {@code n < 1}
   */
  public static DateRange lastDays(int n) {
    return lastDays(n, Clock.systemUTC());
  }

  /**
   * The latest UTC day whose data is published at {@code clock}'s instant (day D is published at
   * 21:00 UTC on D+1). Only the clock's instant matters, not its zone.
   */
  public static LocalDate latestAvailableDay(Clock clock) {
    requireArgument(clock, "clock", "a clock, such as Clock.systemUTC()");
    return Availability.latestAvailableDay(clock.instant());
  }

  /**
   * The instant at which {@code day}'s data is published: 21:00 UTC on the following day, so
   * 2024-03-10 is published at {@code 2024-03-11T21:00:00Z}.
   */
  public static Instant publishedAt(LocalDate day) {
    requireArgument(day, "day", "a date");
    return Availability.publishedAt(day);
  }

  /** The number of days, both ends included: 1 for a single day, 366 for {@code year(2024)}. */
  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** Whether {@code day} lies in the range, ends included. */
  public boolean contains(LocalDate day) {
    requireArgument(day, "day", A_DAY);
    return !day.isBefore(start) && !day.isAfter(end);
  }

  /** Every day of the range, in order, ends included. */
  public Stream<LocalDate> dates() {
    // Offsets rather than datesUntil(end + 1), which would overflow at LocalDate.MAX.
    return LongStream.range(0, days()).mapToObj(start::plusDays);
  }

  /**
   * Splits the range into consecutive windows of at most {@code maxDaysPerWindow} days each (both
   * ends included), in order, the last one possibly shorter. 200 days split by 90 give three
   * windows of 90, 90 and 20 days; a range that fits gives a list holding just itself.
   *
   * @throws InvalidInputException naming {@code maxDaysPerWindow} if it is below 1
   */
  public List<DateRange> split(int maxDaysPerWindow) {
    return Windows.split(this, maxDaysPerWindow);
  }

  /**
   * Two ranges that cover this one exactly, the first the larger when the number of days is odd:
   * {@code 2024-01-01..2024-01-03} gives {@code 2024-01-01..2024-01-02} and {@code
   * 2024-01-03..2024-01-03}. A single day cannot be halved: the list then holds this range alone.
   */
  public List<DateRange> halves() {
    return Windows.halves(this);
  }

  // Null-marked, but a caller without a null checker can still pass null: name it.
  static void requireArgument(@Nullable Object value, String parameter, String accepted) {
    if (value == null) {
      throw new InvalidInputException(new Violation(parameter, "null", accepted));
    }
  }

  /** {@code start..end} in ISO form, such as {@code 2024-01-01..2024-03-31}; see {@link #parse}. */
  @Override
  public String toString() {
    return start + ".." + end;
  }
}
