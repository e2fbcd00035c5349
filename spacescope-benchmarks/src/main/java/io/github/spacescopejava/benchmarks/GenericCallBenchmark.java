package io.github.spacescopejava.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.OperationRequest;
import io.github.spacescopejava.client.Operations;
import io.github.spacescopejava.client.SpaceScope;
import java.io.IOException;
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
 * The generic call against the typed method (issue 19: the generic call costs no more, ratio <=
 * 1.05): the 31-day call of {@link OneCallBenchmark}, {@code spacescope.fetch(
 * Operations.POWER_NETWORK_STORAGE_CAPACITY, OperationRequest.of(range))} against {@code
 * spacescope.power().networkStorageCapacity(range)}, on the same loopback WireMock server, each
 * side with its own client. Interleaved like {@link InterleavedOneCallBenchmark}: every invocation
 * makes the call once on each side, in alternating order, so a change of load on the shared machine
 * falls on both alike; the secondary results are each side's mean microseconds per call.
 *
 * <p>Few iterations on purpose (one fork, 3 x 2 s warm-up, 5 x 1 s measured): the figure is a ratio
 * of two sides measured in the same iterations, and the machine is shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class GenericCallBenchmark {
  private final DateRange range = DateRange.of(OneCallBenchmark.START, OneCallBenchmark.END);
  private final OperationRequest request = OperationRequest.of(range);
  private WireMockServer server;
  private SpaceScope typedClient;
  private SpaceScope genericClient;

  private final Interleaving.Side typed =
      () -> typedClient.power().networkStorageCapacity(range).size();
  private final Interleaving.Side generic =
      () -> genericClient.fetch(Operations.POWER_NETWORK_STORAGE_CAPACITY, request).size();
  private final Interleaving.Side[] sides = {typed, generic};
  private static final int[][] ORDERS = Interleaving.orders(2);

  /** The counters of {@link #t1}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times extends Interleaving.Times {
    public double typedMicros;
    public double genericMicros;

    public Times() {
      super(2);
    }

    @Override
    void publish() {
      typedMicros = micros(0);
      genericMicros = micros(1);
    }
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    String pathAndQuery = OneCallBenchmark.PATH + OneCallBenchmark.QUERY;
    server = Loopback.wireMockServing(OneCallBenchmark.PATH, Loopback.fakeAnswer(pathAndQuery));
    String baseUrl = Loopback.baseUrl(server);
    typedClient = Loopback.ergonomic(baseUrl, 8);
    genericClient = Loopback.ergonomic(baseUrl, 8);
    // On one thread first, leaving a core to the JIT (see OneCallBenchmark).
    for (int i = 0; i < OneCallBenchmark.WARM_UP_CALLS; i++) {
      typed.call();
      generic.call();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    typedClient.close();
    genericClient.close();
    server.stop();
  }

  @Benchmark
  @Threads(1)
  public int t1(Times times) throws IOException {
    return times.run(sides, ORDERS);
  }
}
