package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;

/** Every figure of the summary names benchmarks that exist, so that no row reads "not run". */
class RunAllRowsTest {
  @Test
  void everyRowNamesTwoBenchmarkMethods() throws Exception {
    List<String> missing = new ArrayList<>();
    for (RunAll.Row row : RunAll.ROWS) {
      for (String side : new String[] {row.subject(), row.baseline()}) {
        if (side.startsWith("ideal:")) {
          continue; // a computed figure, not a benchmark
        }
        // "Class.method", or "Class.method:secondary" for a secondary result of that method.
        String[] parts = side.replaceFirst(":.*$", "").split("\\.");
        Class<?> type = Class.forName(RunAll.class.getPackageName() + "." + parts[0]);
        Method method = null;
        for (Method m : type.getMethods()) {
          if (m.getName().equals(parts[1]) && m.isAnnotationPresent(Benchmark.class)) {
            method = m;
          }
        }
        String secondary = side.contains(":") ? side.replaceFirst("^[^:]*:", "") : row.secondary();
        if (method == null) {
          missing.add(row.figure() + ": " + side);
        } else if (!secondary.isEmpty() && !counts(method, secondary)) {
          missing.add(row.figure() + ": " + side + " has no counter " + secondary);
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(RunAll.ROWS).hasSizeGreaterThan(10);
  }

  /** Whether a secondary result of that name is reported: a counter of one of its states. */
  private static boolean counts(Method benchmark, String secondary) {
    return Arrays.stream(benchmark.getParameterTypes())
        .filter(state -> state.isAnnotationPresent(AuxCounters.class))
        .flatMap(state -> Arrays.stream(state.getFields()))
        .map(Field::getName)
        .anyMatch(secondary::equals);
  }

  @Test
  void aCounterOfAnotherBenchmarkIsCaught() throws Exception {
    // The cap-4 client is a side of t8 only: a row asking t1 for it would read "not run".
    Method t1 =
        InterleavedOneCallBenchmark.class.getMethod(
            "t1", InterleavedOneCallBenchmark.OneThread.class);
    Method t8 =
        InterleavedOneCallBenchmark.class.getMethod(
            "t8", InterleavedOneCallBenchmark.EightThreads.class);
    assertThat(counts(t1, "ergonomicCap4Micros")).isFalse();
    assertThat(counts(t8, "ergonomicCap4Micros")).isTrue();
    assertThat(counts(t1, "treeMicros")).isTrue();
  }

  @Test
  void everyOrderOfTheSidesComesAsOftenAndEachSideFollowsEveryOtherAsOften() {
    for (int n = 2; n <= 5; n++) {
      int[][] orders = Interleaving.orders(n);
      int[][] places = new int[n][n];
      int[][] follows = new int[n][n];
      for (int[] order : orders) {
        assertThat(Arrays.stream(order).sorted().toArray())
            .as("each side once per order")
            .isEqualTo(IntStream.range(0, n).toArray());
        for (int i = 0; i < n; i++) {
          places[order[i]][i]++;
          if (i > 0) {
            follows[order[i - 1]][order[i]]++;
          }
        }
      }
      // n (n - 1) ordered pairs over orders.length (n - 1) neighbours: orders.length / n each.
      int each = orders.length / n;
      for (int side = 0; side < n; side++) {
        for (int other = 0; other < n; other++) {
          assertThat(places[side][other])
              .as("side %d in place %d of %d", side, other, n)
              .isEqualTo(each);
          if (side != other) {
            assertThat(follows[side][other])
                .as("%d right before %d of %d", side, other, n)
                .isEqualTo(each);
          }
        }
      }
    }
  }

  @Test
  void theInterleavedRowsArePairedAndTheOthersAreNot() {
    for (RunAll.Row row : RunAll.ROWS) {
      assertThat(RunAll.paired(row))
          .as(row.figure())
          .isEqualTo(row.subject().startsWith("Interleaved"));
    }
  }

  @Test
  void aPairedRatioIsTheMedianOfEachIterationsRatio() {
    RunAll.Side subject = new RunAll.Side(List.of(2.0, 4.0, 6.0), "us");
    RunAll.Side base = new RunAll.Side(List.of(1.0, 4.0, 2.0), "us");

    assertThat(RunAll.Ratio.paired(subject, base)).isEqualTo(new RunAll.Ratio(2.0, 1.0, 3.0, true));
    assertThat(RunAll.Ratio.ofMedians(subject, base))
        .isEqualTo(new RunAll.Ratio(2.0, 0.5, 6.0, false));
  }

  @Test
  void aChangeOfLoadOnBothSidesOfAnIterationCancelsOutWhenPaired() {
    List<Double> load = List.of(100.0, 300.0, 90.0, 250.0, 110.0);
    RunAll.Side base = new RunAll.Side(load, "us");
    RunAll.Side subject = new RunAll.Side(load.stream().map(v -> v * 1.08).toList(), "us");

    RunAll.Ratio paired = RunAll.Ratio.paired(subject, base);
    assertThat(paired.value()).isCloseTo(1.08, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(paired.high() - paired.low()).isLessThan(1e-12);
    RunAll.Ratio apart = RunAll.Ratio.ofMedians(subject, base);
    assertThat(apart.high() / apart.low()).isGreaterThan(10);
  }

  @Test
  void sidesOfDifferentLengthsAreNotPaired() {
    RunAll.Side three = new RunAll.Side(List.of(1.0, 2.0, 3.0), "us");
    RunAll.Side two = new RunAll.Side(List.of(1.0, 2.0), "us");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunAll.Ratio.paired(three, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 against 2");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "io.github.spacescopejava.benchmarks.InterleavedOneCallBenchmark.t1, true",
    "io.github.spacescopejava.benchmarks.DecodeBenchmark.powerModel, true",
    "io.github.spacescopejava.benchmarks.StartupBenchmark.coldFake, true",
    "io.github.spacescopejava.benchmarks.OneCallBenchmark.t1Ergonomic, false",
    "io.github.spacescopejava.benchmarks.OneCallBenchmark.t8HttpClientMapper, false",
    "io.github.spacescopejava.benchmarks.ServerThroughputBenchmark.days31Fake, false",
    "io.github.spacescopejava.benchmarks.InterleavedServerBenchmark.days31, true",
  })
  void theDefaultRunLeavesOutOnlyTheSeparateForkVariants(String name, boolean runs) {
    assertThat(java.util.regex.Pattern.compile(RunAll.DEFAULT_INCLUDE).matcher(name).find())
        .isEqualTo(runs);
  }

  @Test
  void everyBenchmarkOfTheRowsRunsByDefaultButTheSeparateForkVariants() throws Exception {
    var include = java.util.regex.Pattern.compile(RunAll.DEFAULT_INCLUDE);
    List<String> classes = new ArrayList<>();
    for (RunAll.Row row : RunAll.ROWS) {
      for (String side : new String[] {row.subject(), row.baseline()}) {
        if (!side.startsWith("ideal:")) {
          classes.add(side.replaceFirst(":.*$", ""));
        }
      }
    }
    for (String side : classes) {
      boolean runs = include.matcher(RunAll.class.getPackageName() + "." + side).find();
      assertThat(runs)
          .as(side)
          .isEqualTo(RunAll.BY_NAME_ONLY.stream().noneMatch(c -> side.startsWith(c + ".")));
    }
  }
}
