package io.github.spacescopejava.benchmarks;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.api.PowerApi;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Four years of {@code network_storage_capacity} (2021-01-01 to 2024-12-30 is 1,460 days, 17
 * windows of at most 90 days) with every answer 100 ms late. The ergonomic client at its default
 * concurrency (4) against the loop a user writes with the generated client: 17 windows one after
 * the other. The ideal at concurrency 4 is ceil(17 / 4) x 100 ms = 500 ms.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FourYearsBenchmark {
  static final Duration LATENCY = Duration.ofMillis(100);
  static final int WARM_UP_CALLS = 60;
  static final DateRange FOUR_YEARS =
      DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 30));

  private SpaceScopeFake fake;
  private SpaceScope ergonomic;
  private PowerApi generated;

  @Setup(Level.Trial)
  public void start() {
    fake = SpaceScopeFake.builder().start();
    ergonomic = Loopback.ergonomic(fake.baseUrl(), 4);
    generated = GeneratedClients.create(PowerApi.class, fake.baseUrl(), fake.token());
    // JIT warm-up without the latency: at half a second per operation, JMH's warm-up iterations
    // alone would run each path only some hundred times, and the figure would measure the
    // compiler rather than the overlap of windows.
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      ergonomicDefaultConcurrency();
      sequentialLoop();
    }
    fake.given(Scenario.onEveryOperation().always(Fault.latency(LATENCY)));
  }

  @TearDown(Level.Trial)
  public void stop() {
    ergonomic.close();
    fake.close();
  }

  @Benchmark
  public List<NetworkStorageCapacityRow> ergonomicDefaultConcurrency() {
    List<NetworkStorageCapacityRow> rows = ergonomic.power().networkStorageCapacity(FOUR_YEARS);
    if (rows.size() != FOUR_YEARS.days()) {
      throw new IllegalStateException(rows.size() + " rows");
    }
    return rows;
  }

  @Benchmark
  public List<NetworkStorageCapacityRow> sequentialLoop() {
    List<NetworkStorageCapacityRow> rows = new ArrayList<>();
    for (DateRange w : FOUR_YEARS.split(90)) {
      rows.addAll(generated.networkStorageCapacity(w.start(), w.end()).getData());
    }
    if (rows.size() != FOUR_YEARS.days()) {
      throw new IllegalStateException(rows.size() + " rows");
    }
    return rows;
  }
}
