package io.github.spacescopejava.cli;

/** The request shape of an operation, from the spec's {@code x-shape}. */
enum Shape {
  /** {@code start_date}/{@code end_date}, split into windows of {@code x-max-window-days}. */
  DAY_RANGE("day-range"),
  /** {@code start_hour}/{@code end_hour}, split like day ranges. */
  HOURLY_RANGE("hourly-range"),
  /** {@code state_date}, one request per day, optionally one storage provider. */
  STATE_DAY("state-day"),
  /** A deal search walked page by page. */
  PAGED_SEARCH("paged-search");

  private final String wire;

  Shape(String wire) {
    this.wire = wire;
  }

  /** The spec's spelling, such as {@code day-range}. */
  String wire() {
    return wire;
  }

  static Shape of(String wire) {
    for (Shape s : values()) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new IllegalStateException("the spec names an unknown x-shape: " + wire);
  }

  boolean takesDates() {
    return this != PAGED_SEARCH;
  }
}
