package io.github.spacescopejava.client;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The values of one request, by role, which the generated {@link Operations} bind to the parameters
 * of the Feign interface's method; absent roles are sent absent.
 */
record CallArgs(
    @Nullable LocalDate start,
    @Nullable LocalDate end,
    @Nullable Instant startHour,
    @Nullable Instant endHour,
    @Nullable LocalDate day,
    @Nullable String minerId,
    @Nullable DealSearch search,
    @Nullable Integer page) {

  static final CallArgs NONE = new CallArgs(null, null, null, null, null, null, null, null);

  static CallArgs days(DateRange w) {
    return new CallArgs(w.start(), w.end(), null, null, null, null, null, null);
  }

  static CallArgs hours(HourRange w) {
    return new CallArgs(null, null, w.start(), w.end(), null, null, null, null);
  }

  static CallArgs day(LocalDate day, @Nullable String minerId) {
    return new CallArgs(null, null, null, null, day, minerId, null, null);
  }

  static CallArgs page(DealSearch search, int page) {
    return new CallArgs(null, null, null, null, null, null, search, page);
  }

  /** {@code start_hour} as the API spells it. */
  @Nullable String startHourText() {
    return startHour == null ? null : HourRange.rfc3339(startHour);
  }

  /** {@code end_hour} as the API spells it. */
  @Nullable String endHourText() {
    return endHour == null ? null : HourRange.rfc3339(endHour);
  }

  /** {@code page_size}, from the search. */
  @Nullable Integer pageSize() {
    return search == null ? null : search.pageSize();
  }
}
