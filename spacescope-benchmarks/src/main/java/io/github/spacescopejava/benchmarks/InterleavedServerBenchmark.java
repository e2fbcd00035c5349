package io.github.spacescopejava.benchmarks;

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
 * The fake against plain WireMock serving the very same bytes (captured from the fake at set-up),
 * as {@link ServerThroughputBenchmark} measures them, but with both servers in turn in every
 * invocation (the order alternating) from 4 client threads, each server with its own {@code
 * HttpClient}. The counters are each server's mean microseconds per request; WireMock's over the
 * fake's is the fake's requests per second over WireMock's, and {@code RunAll} takes it iteration
 * by iteration, so that the load of the moment falls on both servers alike.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(4)
@State(Scope.Benchmark)
public class InterleavedServerBenchmark {
  /** Requests per server on one thread before measuring, leaving a core to the JIT (D42). */
  static final int WARM_UP_REQUESTS = 2_000;

  private static final int[][] ORDERS = Interleaving.orders(2);

  private ServerThroughputBenchmark.FakeAndCopies servers;
  private HttpClient fakeHttp;
  private HttpClient wireMockHttp;

  private final Interleaving.Side[] quickStart = {
    () -> fetch(fakeHttp, servers.fakeUrl(), ServerThroughputBenchmark.QUICK_START),
    () ->
        fetch(
            wireMockHttp,
            Loopback.baseUrl(servers.quickStart()),
            ServerThroughputBenchmark.QUICK_START)
  };

  private final Interleaving.Side[] days31 = {
    () -> fetch(fakeHttp, servers.fakeUrl(), ServerThroughputBenchmark.DAYS31),
    () -> fetch(wireMockHttp, Loopback.baseUrl(servers.days31()), ServerThroughputBenchmark.DAYS31)
  };

  private static int fetch(HttpClient http, String baseUrl, String pathAndQuery) {
    return Loopback.fetch(http, baseUrl, pathAndQuery).length;
  }

  /** Each thread's mean microseconds per request of either server over the iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Servers extends Interleaving.Times {
    public double fakeMicros;
    public double wireMockMicros;

    public Servers() {
      super(2);
    }

    @Override
    void publish() {
      fakeMicros = micros(0);
      wireMockMicros = micros(1);
    }
  }

  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws java.io.IOException {
    servers = ServerThroughputBenchmark.FakeAndCopies.start();
    fakeHttp = Loopback.httpClient();
    wireMockHttp = Loopback.httpClient();
    Interleaving.Side[] sides = params.getBenchmark().endsWith(".days31") ? days31 : quickStart;
    for (int i = 0; i < WARM_UP_REQUESTS; i++) {
      for (Interleaving.Side side : sides) {
        side.call();
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    servers.stop();
  }

  @Benchmark
  public int quickStart(Servers servers) throws java.io.IOException {
    return servers.run(quickStart, ORDERS);
  }

  @Benchmark
  public int days31(Servers servers) throws java.io.IOException {
    return servers.run(days31, ORDERS);
  }
}
