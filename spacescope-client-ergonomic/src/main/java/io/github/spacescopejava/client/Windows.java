package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts ranges into request windows. Pure: no clock, no I/O.
 *
 * <p>An endpoint's {@code x-max-window-days: N} is the largest number of days one request may span,
 * both ends included (decision D3). A day range is cut into windows of at most N days: 200 days at
 * 90 give 90, 90 and 20. An hour range is cut so that {@code end - start <= (N - 1) * 24} hours in
 * each window, that is at most {@code (N - 1) * 24 + 1} hours; with N = 1 that is one hour per
 * window.
 *
 * <p>{@link #halves(DateRange)} and {@link #halves(HourRange)} serve the fallback when the server
 * still refuses a window with 30002: the window is retried as two smaller ones.
 *
 * <p>Package-private, beside the value types it cuts ({@link DateRange#split}, {@link
 * DateRange#halves} and their hourly twins are its public face): the value types import nothing
 * from {@code internal}.
 */
final class Windows {

  private Windows() {}

  /**
   * Consecutive windows of at most {@code maxDays} days that cover {@code range} exactly, in order;
   * only the last may be shorter. {@code 2024-01-01..2024-07-18} (200 days) at 90 gives {@code
   * 2024-01-01..2024-03-30}, {@code 2024-03-31..2024-06-28}, {@code 2024-06-29..2024-07-18}.
   *
   * @throws InvalidInputException naming {@code maxDaysPerWindow} if {@code maxDays < 1}
   */
  public static List<DateRange> split(DateRange range, int maxDays) {
    requirePositive(maxDays);
    long count = ceilDiv(range.days(), maxDays);
    List<DateRange> windows = new ArrayList<>((int) Math.min(count, 1024));
    LocalDate start = range.start();
    while (true) {
      // Compare lengths rather than computing start + maxDays, which could pass LocalDate.MAX.
      long remaining = DateRange.of(start, range.end()).days();
      if (remaining <= maxDays) {
        windows.add(DateRange.of(start, range.end()));
        return List.copyOf(windows);
      }
      LocalDate end = start.plusDays(maxDays - 1L);
      windows.add(DateRange.of(start, end));
      start = end.plusDays(1);
    }
  }

  /**
   * Consecutive windows with {@code end - start <= (maxDays - 1) * 24} hours that cover {@code
   * range} exactly, in order; only the last may be shorter. The 744 hours of July 2022 at 31 give
   * {@code 2022-07-01T00:00:00Z..2022-07-31T00:00:00Z} (721 hours) and {@code
   * 2022-07-31T01:00:00Z..2022-07-31T23:00:00Z} (23 hours).
   *
   * @throws InvalidInputException naming {@code maxDaysPerWindow} if {@code maxDays < 1}
   */
  public static List<HourRange> split(HourRange range, int maxDays) {
    requirePositive(maxDays);
    long perWindow = maxHoursPerWindow(maxDays);
    long count = ceilDiv(range.hours(), perWindow);
    List<HourRange> windows = new ArrayList<>((int) Math.min(count, 1024));
    Instant start = range.start();
    while (true) {
      long remaining = HourRange.of(start, range.end()).hours();
      if (remaining <= perWindow) {
        windows.add(HourRange.of(start, range.end()));
        return List.copyOf(windows);
      }
      Instant end = start.plusSeconds((perWindow - 1) * 3600);
      windows.add(HourRange.of(start, end));
      start = end.plusSeconds(3600);
    }
  }

  /**
   * The most hourly rows one window may hold under a limit of {@code maxDays} days: {@code (maxDays
   * - 1) * 24 + 1}, so 721 for 31 and 1 for 1.
   *
   * @throws InvalidInputException naming {@code maxDaysPerWindow} if {@code maxDays < 1}
   */
  public static long maxHoursPerWindow(int maxDays) {
    requirePositive(maxDays);
    return (maxDays - 1L) * 24 + 1;
  }

  /**
   * Two non-empty windows that cover {@code window} exactly, the first one the larger when the
   * number of days is odd: {@code 2024-01-01..2024-01-03} gives {@code 2024-01-01..2024-01-02} and
   * {@code 2024-01-03..2024-01-03}. A single day cannot be halved: the list then holds {@code
   * window} alone, which tells the caller to stop halving.
   */
  public static List<DateRange> halves(DateRange window) {
    long days = window.days();
    if (days < 2) {
      return List.of(window);
    }
    LocalDate firstEnd = window.start().plusDays((days + 1) / 2 - 1);
    return List.of(
        DateRange.of(window.start(), firstEnd), DateRange.of(firstEnd.plusDays(1), window.end()));
  }

  /**
   * Two non-empty windows that cover {@code window} exactly, the first one the larger when the
   * number of hours is odd. A single hour cannot be halved: the list then holds {@code window}
   * alone, which tells the caller to stop halving.
   */
  public static List<HourRange> halves(HourRange window) {
    long hours = window.hours();
    if (hours < 2) {
      return List.of(window);
    }
    Instant firstEnd = window.start().plusSeconds(((hours + 1) / 2 - 1) * 3600);
    return List.of(
        HourRange.of(window.start(), firstEnd),
        HourRange.of(firstEnd.plusSeconds(3600), window.end()));
  }

  private static void requirePositive(int maxDays) {
    if (maxDays < 1) {
      throw new InvalidInputException(
          new Violation("maxDaysPerWindow", Integer.toString(maxDays), "1 or more"));
    }
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
