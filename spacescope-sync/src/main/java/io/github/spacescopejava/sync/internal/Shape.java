package io.github.spacescopejava.sync.internal;

/** The request shape of an operation, from the spec's {@code x-shape}. */
public enum Shape {
  /** {@code start_date}/{@code end_date}, in windows of {@code x-max-window-days}. */
  DAY_RANGE,
  /** {@code start_hour}/{@code end_hour}, in windows of {@code x-max-window-days}. */
  HOURLY_RANGE,
  /** {@code state_date}: one request per day (for per-provider operations, all providers). */
  STATE_DAY,
  /** A deal search walked page by page. */
  PAGED_SEARCH;

  static Shape of(String wire) {
    return switch (wire) {
      case "day-range" -> DAY_RANGE;
      case "hourly-range" -> HOURLY_RANGE;
      case "state-day" -> STATE_DAY;
      case "paged-search" -> PAGED_SEARCH;
      default -> throw new IllegalStateException("the spec names an unknown x-shape: " + wire);
    };
  }
}
