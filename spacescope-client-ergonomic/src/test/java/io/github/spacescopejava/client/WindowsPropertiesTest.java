package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WindowsPropertiesTest {

  private static final LocalDate FROM = LocalDate.of(2020, 8, 24);

  @Provide
  Arbitrary<DateRange> dateRanges() {
    Arbitrary<LocalDate> starts = Arbitraries.longs().between(0, 4000).map(FROM::plusDays);
    Arbitrary<Long> lengths =
        Arbitraries.longs().between(1, 1200).edgeCases(c -> c.add(1L, 2L, 30L, 31L, 32L, 90L, 91L));
    return Combinators.combine(starts, lengths)
        .as((start, days) -> DateRange.of(start, start.plusDays(days - 1)));
  }

  @Provide
  Arbitrary<HourRange> hourRanges() {
    Arbitrary<Instant> starts =
        Arbitraries.longs()
            .between(0, 4000L * 24)
            .map(h -> Availability.firstHourOf(FROM).plusSeconds(h * 3600));
    Arbitrary<Long> lengths =
        Arbitraries.longs()
            .between(1, 24 * 200)
            .edgeCases(c -> c.add(1L, 2L, 24L, 25L, 721L, 722L));
    return Combinators.combine(starts, lengths)
        .as((start, hours) -> HourRange.of(start, start.plusSeconds((hours - 1) * 3600)));
  }

  @Group
  class DayWindows {

    @Property
    void coverTheRangeExactlyInOrderWithoutGapsOrOverlaps(
        @ForAll("dateRanges") DateRange range, @ForAll @IntRange(min = 1, max = 120) int limit) {
      List<DateRange> windows = Windows.split(range, limit);

      assertThat(windows.get(0).start()).isEqualTo(range.start());
      assertThat(windows.get(windows.size() - 1).end()).isEqualTo(range.end());
      for (int i = 1; i < windows.size(); i++) {
        assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end().plusDays(1));
      }
      assertThat(windows.stream().mapToLong(DateRange::days).sum()).isEqualTo(range.days());
    }

    @Property
    void neverExceedTheLimitAndOnlyTheLastIsShorter(
        @ForAll("dateRanges") DateRange range, @ForAll @IntRange(min = 1, max = 120) int limit) {
      List<DateRange> windows = Windows.split(range, limit);

      assertThat(windows).allSatisfy(w -> assertThat(w.days()).isBetween(1L, (long) limit));
      assertThat(windows.subList(0, windows.size() - 1))
          .allSatisfy(w -> assertThat(w.days()).isEqualTo(limit));
    }

    @Property
    void numberAsManyAsTheDaysDividedByTheLimitRoundedUp(
        @ForAll("dateRanges") DateRange range, @ForAll @IntRange(min = 1, max = 120) int limit) {
      long expected = (range.days() + limit - 1) / limit;

      assertThat(Windows.split(range, limit)).hasSize((int) expected);
    }

    @Property
    void halvesAreTwoNonEmptyWindowsCoveringTheWindow(@ForAll("dateRanges") DateRange window) {
      List<DateRange> halves = Windows.halves(window);

      if (window.days() == 1) {
        assertThat(halves).containsExactly(window);
        return;
      }
      assertThat(halves).hasSize(2);
      assertThat(halves.get(0).start()).isEqualTo(window.start());
      assertThat(halves.get(1).start()).isEqualTo(halves.get(0).end().plusDays(1));
      assertThat(halves.get(1).end()).isEqualTo(window.end());
      assertThat(halves.get(0).days() - halves.get(1).days()).isBetween(0L, 1L);
    }
  }

  @Group
  class HourWindows {

    @Property
    void coverTheRangeExactlyInOrderWithoutGapsOrOverlaps(
        @ForAll("hourRanges") HourRange range, @ForAll @IntRange(min = 1, max = 40) int limit) {
      List<HourRange> windows = Windows.split(range, limit);

      assertThat(windows.get(0).start()).isEqualTo(range.start());
      assertThat(windows.get(windows.size() - 1).end()).isEqualTo(range.end());
      for (int i = 1; i < windows.size(); i++) {
        assertThat(windows.get(i).start()).isEqualTo(windows.get(i - 1).end().plusSeconds(3600));
      }
      assertThat(windows.stream().mapToLong(HourRange::hours).sum()).isEqualTo(range.hours());
    }

    @Property
    void keepEndMinusStartWithinTheLimitMinusOneDays(
        @ForAll("hourRanges") HourRange range, @ForAll @IntRange(min = 1, max = 40) int limit) {
      long maxDistanceSeconds = (limit - 1L) * 24 * 3600;

      assertThat(Windows.split(range, limit))
          .allSatisfy(
              w ->
                  assertThat(w.end().getEpochSecond() - w.start().getEpochSecond())
                      .isBetween(0L, maxDistanceSeconds));
    }

    @Property
    void numberAsManyAsTheHoursDividedByTheWindowSizeRoundedUp(
        @ForAll("hourRanges") HourRange range, @ForAll @IntRange(min = 1, max = 40) int limit) {
      long perWindow = (limit - 1L) * 24 + 1;
      long expected = (range.hours() + perWindow - 1) / perWindow;

      List<HourRange> windows = Windows.split(range, limit);

      assertThat(windows).hasSize((int) expected);
      assertThat(windows.subList(0, windows.size() - 1))
          .allSatisfy(w -> assertThat(w.hours()).isEqualTo(perWindow));
    }

    @Property
    void halvesAreTwoNonEmptyWindowsCoveringTheWindow(@ForAll("hourRanges") HourRange window) {
      List<HourRange> halves = Windows.halves(window);

      if (window.hours() == 1) {
        assertThat(halves).containsExactly(window);
        return;
      }
      assertThat(halves).hasSize(2);
      assertThat(halves.get(0).start()).isEqualTo(window.start());
      assertThat(halves.get(1).start()).isEqualTo(halves.get(0).end().plusSeconds(3600));
      assertThat(halves.get(1).end()).isEqualTo(window.end());
      assertThat(halves.get(0).hours() - halves.get(1).hours()).isBetween(0L, 1L);
    }
  }
}
