package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
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

/**
 * The one 31-day call of {@link OneCallBenchmark}, with subject and baseline in turn inside one
 * benchmark: every invocation makes one ergonomic call and one {@code HttpClient} + mapper call
 * (the order alternating), timing each. A change of load on the shared machine then falls on both
 * sides alike, where two benchmarks run one after the other each get their own minutes. The
 * secondary results are each side's mean microseconds per call (with 8 threads, the sum of the
 * threads' means, the same factor on both sides).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class InterleavedOneCallBenchmark {
  private final DateRange range = DateRange.of(OneCallBenchmark.START, OneCallBenchmark.END);
  private WireMockServer server;
  private String baseUrl;
  private SpaceScope ergonomic;
  private HttpClient http;
  private ObjectMapper mapper;

  /** Each thread's mean time per call of either side, over the current iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    public double ergonomicMicros;
    public double mapperMicros;
    private long ergonomicNanos;
    private long mapperNanos;
    private long pairs;

    @Setup(Level.Iteration)
    public void reset() {
      ergonomicNanos = 0;
      mapperNanos = 0;
      pairs = 0;
      ergonomicMicros = 0;
      mapperMicros = 0;
    }

    void add(long ergonomic, long mapper) {
      ergonomicNanos += ergonomic;
      mapperNanos += mapper;
      pairs++;
      ergonomicMicros = ergonomicNanos / 1e3 / pairs;
      mapperMicros = mapperNanos / 1e3 / pairs;
    }
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    server =
        Loopback.wireMockServing(
            OneCallBenchmark.PATH,
            Loopback.fakeAnswer(OneCallBenchmark.PATH + OneCallBenchmark.QUERY));
    baseUrl = Loopback.baseUrl(server);
    ergonomic = Loopback.ergonomic(baseUrl, 8);
    http = Loopback.httpClient();
    mapper = SpaceScopeJson.newObjectMapper();
    // One thread first, leaving a core to the JIT (see OneCallBenchmark).
    for (int i = 0; i < OneCallBenchmark.WARM_UP_CALLS; i++) {
      ergonomic.power().networkStorageCapacity(range);
      viaMapper();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    ergonomic.close();
    server.stop();
  }

  List<NetworkStorageCapacityRow> viaMapper() throws IOException {
    return Loopback.capacityRows(
        mapper, Loopback.fetch(http, baseUrl, OneCallBenchmark.PATH + OneCallBenchmark.QUERY));
  }

  private int pair(Times times) throws IOException {
    long ergonomicNanos;
    long mapperNanos;
    int rows;
    if ((times.pairs & 1) == 0) {
      long t0 = System.nanoTime();
      rows = ergonomic.power().networkStorageCapacity(range).size();
      long t1 = System.nanoTime();
      rows += viaMapper().size();
      long t2 = System.nanoTime();
      ergonomicNanos = t1 - t0;
      mapperNanos = t2 - t1;
    } else {
      long t0 = System.nanoTime();
      rows = viaMapper().size();
      long t1 = System.nanoTime();
      rows += ergonomic.power().networkStorageCapacity(range).size();
      long t2 = System.nanoTime();
      mapperNanos = t1 - t0;
      ergonomicNanos = t2 - t1;
    }
    times.add(ergonomicNanos, mapperNanos);
    return rows;
  }

  @Benchmark
  @Threads(1)
  public int t1(Times times) throws IOException {
    return pair(times);
  }

  @Benchmark
  @Threads(8)
  public int t8(Times times) throws IOException {
    return pair(times);
  }
}
