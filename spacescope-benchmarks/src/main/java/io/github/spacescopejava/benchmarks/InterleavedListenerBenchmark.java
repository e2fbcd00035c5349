package io.github.spacescopejava.benchmarks;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.metrics.SpaceScopeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What listeners cost per 31-day call (decision D60), without a network: the same call over an
 * {@link InMemoryHttpClient} by a client without listeners ({@code withoutListenersMicros}) and by
 * one with {@link SpaceScopeMetrics} on a {@link SimpleMeterRegistry} ({@code withMetricsMicros}:
 * every event built, the answer's size noted, the meters updated), in turn inside one benchmark
 * (see {@link InterleavedOneCallBenchmark}), so that a change of load on the shared machine falls
 * on both alike.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class InterleavedListenerBenchmark {
  private final DateRange range = DateRange.of(OneCallBenchmark.START, OneCallBenchmark.END);
  private SpaceScope plain;
  private SpaceScope metered;

  private final Interleaving.Side[] sides = {
    () -> plain.power().networkStorageCapacity(range).size(),
    () -> metered.power().networkStorageCapacity(range).size()
  };

  private static final int[][] ORDERS = Interleaving.orders(2);

  /** The counters of {@link #inMemory}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Sides extends Interleaving.Times {
    public double withoutListenersMicros;
    public double withMetricsMicros;

    public Sides() {
      super(2);
    }

    @Override
    void publish() {
      withoutListenersMicros = micros(0);
      withMetricsMicros = micros(1);
    }
  }

  @Setup(Level.Trial)
  public void start() {
    byte[] body = Loopback.fakeAnswer(OneCallBenchmark.PATH + OneCallBenchmark.QUERY);
    plain = client(body).build();
    metered = client(body).listener(SpaceScopeMetrics.of(new SimpleMeterRegistry())).build();
  }

  private static SpaceScope.Builder client(byte[] body) {
    return SpaceScope.builder()
        .token(Loopback.TOKEN)
        .baseUrl("http://127.0.0.1:9")
        .clock(Loopback.CLOCK)
        .httpClient(new InMemoryHttpClient(body));
  }

  @TearDown(Level.Trial)
  public void stop() {
    plain.close();
    metered.close();
  }

  @Benchmark
  public int inMemory(Sides times) throws IOException {
    return times.run(sides, ORDERS);
  }
}
