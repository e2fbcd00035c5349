package io.github.spacescopejava.cli;

import java.time.Instant;
import java.util.List;

/**
 * Counts the windows of a fetch that are complete, from the dates of the rows as they arrive in
 * order: a row dated in window k means windows 0..k-1 are done. The windows themselves come from
 * the client's own split ({@code DateRange.split}, {@code HourRange.split}), so they are the
 * requests the client sends.
 */
final class WindowTracker {
  private final List<Instant> endsExclusive;
  private int done;

  /** {@code endsExclusive}: the instant just after each window, in order. */
  WindowTracker(List<Instant> endsExclusive) {
    this.endsExclusive = List.copyOf(endsExclusive);
  }

  int total() {
    return endsExclusive.size();
  }

  /** Notes a row dated {@code rowTime}; returns the windows done so far. */
  int row(Instant rowTime) {
    while (done < endsExclusive.size() && !rowTime.isBefore(endsExclusive.get(done))) {
      done++;
    }
    return done;
  }

  int done() {
    return done;
  }
}
