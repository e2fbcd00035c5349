package io.github.spacescopejava.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the interleaved benchmarks share: every invocation calls each side once, in an order that
 * changes from one invocation to the next, and times each call; the counters JMH reports are each
 * side's mean per call over the iteration. A change of load then falls on every side of an
 * iteration alike, and {@code RunAll} pairs the sides iteration by iteration.
 */
final class Interleaving {
  private Interleaving() {}

  /**
   * One way of making a request; returns what it got (rows or bytes), so that no work is dropped.
   */
  @FunctionalInterface
  interface Side {
    int call() throws IOException;
  }

  /**
   * The orders of {@code n} sides, as the rows of a Williams design: row 0 is 0, 1, n-1, 2, n-2,
   * ..., row r adds r to each (mod n); for odd n the reversed rows follow. Each side then takes
   * every place, and follows every other side, equally often over the rows (for 3 sides these are
   * all 6 orders; for 4, four rows suffice).
   */
  static int[][] orders(int n) {
    int[] first = new int[n];
    for (int i = 1, low = 1, high = n - 1; i < n; i++) {
      first[i] = i % 2 == 1 ? low++ : high--;
    }
    int[][] orders = new int[n % 2 == 0 ? n : 2 * n][n];
    for (int r = 0; r < orders.length; r++) {
      for (int i = 0; i < n; i++) {
        orders[r][r < n ? i : n - 1 - i] = (first[i] + r) % n;
      }
    }
    return orders;
  }

  /** Each thread's time per side over the current iteration, and its place in the orders. */
  abstract static class Times {
    private final long[] nanos;
    private long invocations;

    Times(int sides) {
      nanos = new long[sides];
    }

    @Setup(Level.Iteration)
    public void reset() {
      Arrays.fill(nanos, 0);
      invocations = 0;
      publish();
    }

    /** Calls every side once, in this invocation's order of {@code orders}; the rows they got. */
    int run(Side[] sides, int[][] orders) throws IOException {
      int rows = 0;
      long start = System.nanoTime();
      for (int side : orders[(int) (invocations % orders.length)]) {
        rows += sides[side].call();
        long end = System.nanoTime();
        nanos[side] += end - start;
        start = end;
      }
      invocations++;
      publish();
      return rows;
    }

    /** Side {@code side}'s mean microseconds per call so far in this iteration. */
    double micros(int side) {
      return invocations == 0 ? 0 : nanos[side] / 1e3 / invocations;
    }

    /** Copies the means into the public fields JMH reads. */
    abstract void publish();
  }
}
