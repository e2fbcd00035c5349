package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.IOException;
import java.net.http.HttpClient;
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
 * Latin square ({@link Interleaving#orders}): every side comes first, last, and right after each
 * other side equally often, so that none gains or loses by its place (a warmer connection, a
 * collection the previous side left behind).
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

  private final Interleaving.Side ergonomicSide =
      () -> cap8.power().networkStorageCapacity(range).size();
  private final Interleaving.Side cap4Side =
      () -> cap4.power().networkStorageCapacity(range).size();
  private final Interleaving.Side mapperSide =
      () ->
          Loopback.capacityRows(mapper, Loopback.fetch(mapperHttp, baseUrl, pathAndQuery())).size();
  private final Interleaving.Side treeSide =
      () -> Loopback.dataOf(mapper, Loopback.fetch(treeHttp, baseUrl, pathAndQuery())).size();

  /** The sides at 1 thread, in the order of {@link OneThread}'s counters. */
  private final Interleaving.Side[] oneThread = {ergonomicSide, mapperSide, treeSide};

  /** The sides at 8 threads, in the order of {@link EightThreads}' counters. */
  private final Interleaving.Side[] eightThreads = {ergonomicSide, cap4Side, mapperSide, treeSide};

  private static final int[][] ONE_THREAD_ORDERS = Interleaving.orders(3);
  private static final int[][] EIGHT_THREADS_ORDERS = Interleaving.orders(4);

  private static String pathAndQuery() {
    return OneCallBenchmark.PATH + OneCallBenchmark.QUERY;
  }

  /** The counters of {@link #t1}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class OneThread extends Interleaving.Times {
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
  public static class EightThreads extends Interleaving.Times {
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
    Interleaving.Side[] sides = params.getBenchmark().endsWith(".t8") ? eightThreads : oneThread;
    for (int i = 0; i < OneCallBenchmark.WARM_UP_CALLS; i++) {
      for (Interleaving.Side side : sides) {
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
