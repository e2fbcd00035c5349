package io.github.spacescopejava.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {
  static final LocalDate LATEST = LocalDate.of(2025, 1, 5);

  @ParameterizedTest(name = "synced {0}, from {1}, to {2}, lookback {3}: {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // first run: from --from (or mainnet's first day) to --to, never past the latest day
        "-,          2024-01-01, 2024-12-31, 3, 2024-01-01..2024-12-31",
        "-,          -,          2020-09-01, 3, 2020-08-24..2020-09-01",
        "-,          2024-12-01, 2025-03-01, 3, 2024-12-01..2025-01-05",
        // later runs: the last `lookback` committed days again, then what is new
        "2024-12-31, -,          2024-12-31, 3, 2024-12-29..2024-12-31",
        "2024-12-31, -,          -,          3, 2024-12-29..2025-01-05",
        "2024-12-31, 2020-09-01, -,          0, 2025-01-01..2025-01-05",
        "2025-01-05, -,          -,          0, -",
        "2025-01-05, -,          -,          1, 2025-01-05..2025-01-05",
        // --from on a later run does not go back: days before the lookback are never refetched
        "2024-12-31, 2024-01-01, -,          2, 2024-12-30..2025-01-05",
      })
  void thePeriodOfARun(
      @Nullable LocalDate synced,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int lookback,
      @Nullable String expected) {
    assertThat(
            Planner.period(synced, from, to, lookback, LATEST)
                .map(DateRange::toString)
                .orElse(null))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void dayRangesAreSplitInTheOperationsWindowsAndStateDaysOneDayAtATime() {
    OperationSpec days = op(Shape.DAY_RANGE, 90);
    OperationSpec state = op(Shape.STATE_DAY, 0);
    DateRange year = DateRange.year(2024);

    List<DateRange> windows = Planner.windows(days, year);

    assertThat(windows).hasSize(5).allSatisfy(w -> assertThat(w.days()).isLessThanOrEqualTo(90));
    assertThat(windows.get(0).start()).isEqualTo(year.start());
    assertThat(windows.get(4).end()).isEqualTo(year.end());
    for (int i = 1; i < windows.size(); i++) {
      assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end().plusDays(1));
    }
    assertThat(Planner.windows(state, year))
        .hasSize(366)
        .allSatisfy(w -> assertThat(w.days()).isOne());
  }

  static OperationSpec op(Shape shape, int window) {
    return new OperationSpec(
        "Power_x",
        "Power",
        "/v2/power/x",
        shape,
        window,
        false,
        "stat_date",
        false,
        false,
        List.of());
  }
}
