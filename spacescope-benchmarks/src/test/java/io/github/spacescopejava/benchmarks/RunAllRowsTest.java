package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        if (method == null) {
          missing.add(row.figure() + ": " + side);
        }
      }
    }
    assertThat(missing).isEmpty();
    assertThat(RunAll.ROWS).hasSizeGreaterThan(10);
  }
}
