package io.github.spacescopejava.sync.internal;

import io.github.spacescopejava.client.DateRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which days a run fetches, and in which windows: pure, no I/O (decision D52). */
public final class Planner {
  private Planner() {}

  /**
   * The days to fetch for one operation.
   *
   * <p>Before the first commit: from {@code from} (mainnet's first day when null) to the end.
   * Afterwards: the last {@code lookbackDays} committed days again, then every day after them, to
   * the end; days before that are never fetched again. The end is {@code to}, but never after the
   * latest published day.
   *
   * <p>Synced through 2024-12-31, lookback 3, latest published 2025-01-05: 2024-12-29 to
   * 2025-01-05. Same state with {@code to} 2024-12-31: 2024-12-29 to 2024-12-31, one window.
   *
   * @return empty when there is nothing to fetch
   */
  public static Optional<DateRange> period(
      @Nullable LocalDate syncedThrough,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int lookbackDays,
      LocalDate latestPublished) {
    if (lookbackDays < 0) {
      throw new IllegalArgumentException("lookbackDays must be >= 0: " + lookbackDays);
    }
    LocalDate end = to == null || to.isAfter(latestPublished) ? latestPublished : to;
    LocalDate start;
    if (syncedThrough == null) {
      start = from == null ? DateRange.MAINNET_GENESIS : from;
    } else {
      start = syncedThrough.plusDays(1).minusDays(lookbackDays);
    }
    if (start.isBefore(DateRange.MAINNET_GENESIS)) {
      start = DateRange.MAINNET_GENESIS;
    }
    return start.isAfter(end) ? Optional.empty() : Optional.of(DateRange.of(start, end));
  }

  /**
   * The windows of {@code period}, in order, one request each: the operation's largest window
   * ({@code x-max-window-days}) for day and hour ranges, one day for state-day operations.
   */
  public static List<DateRange> windows(OperationSpec op, DateRange period) {
    return switch (op.shape()) {
      case DAY_RANGE, HOURLY_RANGE -> period.split(Math.max(1, op.maxWindowDays()));
      case STATE_DAY -> period.split(1);
      case PAGED_SEARCH -> throw new UnsupportedOperationException(op.name());
    };
  }
}
