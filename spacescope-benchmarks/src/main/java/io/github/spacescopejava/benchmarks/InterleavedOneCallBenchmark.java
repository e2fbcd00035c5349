package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The one 31-day call of {@link OneCallBenchmark}, with subject and baselines in turn inside one
 * benchmark: every invocation makes the call once on each side, timing each. A change of load on
 * the shared machine then falls on every side alike, where benchmarks run one after the other each
 * get their own minutes.
 *
 * <p>The sides: the ergonomic client with 8 requests in flight ({@code ergonomicMicros}), the JDK
 * {@code HttpClient} plus the project's mapper into the same model ({@code mapperMicros}), and plus
 * a Jackson {@code JsonNode} tree, what a hand-written client does ({@code treeMicros}). With 8
 * threads, also the ergonomic client at its default cap of 4 ({@code ergonomicCap4Micros}), the
 * cap's cost; with 1 thread there is never more than one request in flight, so the cap changes
 * nothing and that side is left out rather than making every invocation a call longer.
 *
 * <p>The order of the sides changes from one invocation to the next, through the rows of a balanced
 * Latin square ({@link #orders}): every side comes first, last, and right after each other side
 * equally often, so that none gains or loses by its place (a warmer connection, a collection the
 * previous side left behind).
 *
 * <p>The secondary results are each side's mean microseconds per call (with 8 threads, the sum of
 * the threads' means, the same factor on every side).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class InterleavedOneCallBenchmark {
  private final DateRange range = DateRange.of(OneCallBenchmark.START, OneCallBenchmark.END);
  private WireMockServer server;
  private String baseUrl;
  private SpaceScope cap8;
  private SpaceScope cap4;
  // One HttpClient per hand-written side, as each ergonomic client has its own: every side's
  // connection and selector thread then sees one call per invocation, none kept warmer by another.
  private HttpClient mapperHttp;
  private HttpClient treeHttp;
  private ObjectMapper mapper;

  /** One way of making the call; returns the rows it got, so that no side's work is dropped. */
  @FunctionalInterface
  interface Side {
    int call() throws IOException;
  }

  private final Side ergonomicSide = () -> cap8.power().networkStorageCapacity(range).size();
  private final Side cap4Side = () -> cap4.power().networkStorageCapacity(range).size();
  private final Side mapperSide =
      () ->
          Loopback.capacityRows(mapper, Loopback.fetch(mapperHttp, baseUrl, pathAndQuery())).size();
  private final Side treeSide =
      () -> Loopback.dataOf(mapper, Loopback.fetch(treeHttp, baseUrl, pathAndQuery())).size();

  /** The sides at 1 thread, in the order of {@link OneThread}'s counters. */
  private final Side[] oneThread = {ergonomicSide, mapperSide, treeSide};

  /** The sides at 8 threads, in the order of {@link EightThreads}' counters. */
  private final Side[] eightThreads = {ergonomicSide, cap4Side, mapperSide, treeSide};

  private static final int[][] ONE_THREAD_ORDERS = orders(3);
  private static final int[][] EIGHT_THREADS_ORDERS = orders(4);

  private static String pathAndQuery() {
    return OneCallBenchmark.PATH + OneCallBenchmark.QUERY;
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

  /** The counters of {@link #t1}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class OneThread extends Times {
    public double ergonomicMicros;
    public double mapperMicros;
    public double treeMicros;

    public OneThread() {
      super(3);
    }

    @Override
    void publish() {
      ergonomicMicros = micros(0);
      mapperMicros = micros(1);
      treeMicros = micros(2);
    }
  }

  /** The counters of {@link #t8}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class EightThreads extends Times {
    public double ergonomicMicros;
    public double ergonomicCap4Micros;
    public double mapperMicros;
    public double treeMicros;

    public EightThreads() {
      super(4);
    }

    @Override
    void publish() {
      ergonomicMicros = micros(0);
      ergonomicCap4Micros = micros(1);
      mapperMicros = micros(2);
      treeMicros = micros(3);
    }
  }

  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws IOException {
    server = Loopback.wireMockServing(OneCallBenchmark.PATH, Loopback.fakeAnswer(pathAndQuery()));
    baseUrl = Loopback.baseUrl(server);
    cap8 = Loopback.ergonomic(baseUrl, 8);
    cap4 = Loopback.ergonomic(baseUrl, 4);
    mapperHttp = Loopback.httpClient();
    treeHttp = Loopback.httpClient();
    mapper = SpaceScopeJson.newObjectMapper();
    // This fork's sides on one thread first, leaving a core to the JIT (see OneCallBenchmark).
    Side[] sides = params.getBenchmark().endsWith(".t8") ? eightThreads : oneThread;
    for (int i = 0; i < OneCallBenchmark.WARM_UP_CALLS; i++) {
      for (Side side : sides) {
        side.call();
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    cap8.close();
    cap4.close();
    server.stop();
  }

  @Benchmark
  @Threads(1)
  public int t1(OneThread times) throws IOException {
    return times.run(oneThread, ONE_THREAD_ORDERS);
  }

  @Benchmark
  @Threads(8)
  public int t8(EightThreads times) throws IOException {
    return times.run(eightThreads, EIGHT_THREADS_ORDERS);
  }
}
