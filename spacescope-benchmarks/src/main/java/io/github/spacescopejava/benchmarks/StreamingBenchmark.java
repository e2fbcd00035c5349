package io.github.spacescopejava.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.ProviderPowerRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * 365 days of per-provider power for 2,000 providers (730,000 rows, one request per day): the live
 * heap while consuming {@code powerStream} against holding the list from {@code power}. The live
 * heap is what a full GC leaves, above what was live before the call; the stream is sampled every
 * 50,000 rows and the largest sample is reported (secondary result {@code liveHeapMb}). The time of
 * these runs includes the forced GCs and is not a figure.
 *
 * <p>The server is the JDK's HttpServer answering each day with the fake's 2,000-row answer for one
 * day, its dates rewritten to the day asked: the fake synthesizes 2,000 rows per request, which
 * made one run take 50 s on the shared machine, and the figure is about the client's memory.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class StreamingBenchmark {
  static final int PROVIDERS = 2_000;
  static final DateRange YEAR = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 30));
  static final long ROWS = YEAR.days() * PROVIDERS;

  /** The live heap of one run, in MB. */
  @AuxCounters(AuxCounters.Type.EVENTS)
  @State(Scope.Thread)
  public static class Heap {
    public double liveHeapMb;
  }

  private HttpServer server;
  private ExecutorService serverThreads;
  private SpaceScope client;

  @Setup(Level.Trial)
  public void start() throws IOException {
    String template;
    String templateDay;
    try (SpaceScopeFake fake = SpaceScopeFake.builder().providerPopulation(PROVIDERS).start()) {
      templateDay = fake.latestAvailableDay().toString();
      template =
          new String(
              Loopback.fetch(
                  Loopback.httpClient(),
                  fake.baseUrl(),
                  "/v2/storage_provider/power?state_date=" + templateDay),
              StandardCharsets.UTF_8);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    serverThreads = Executors.newFixedThreadPool(4);
    server.setExecutor(serverThreads);
    server.createContext(
        "/v2/storage_provider/power",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String day = query.replaceAll(".*state_date=([0-9-]{10}).*", "$1");
          byte[] body = template.replace(templateDay, day).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (var out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    client = Loopback.ergonomic("http://127.0.0.1:" + server.getAddress().getPort(), 4);
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Benchmark
  public long stream(Heap heap) {
    long before = liveHeap();
    long peak = 0;
    long rows = 0;
    try (Stream<ProviderPowerRow> s = client.storageProvider().powerStream(YEAR)) {
      Iterator<ProviderPowerRow> it = s.iterator();
      while (it.hasNext()) {
        if (it.next() == null) {
          throw new IllegalStateException("null row");
        }
        if (++rows % 50_000 == 0) {
          peak = Math.max(peak, liveHeap() - before);
        }
      }
    }
    check(rows);
    heap.liveHeapMb = peak / 1e6;
    return rows;
  }

  @Benchmark
  public long list(Heap heap) {
    long before = liveHeap();
    List<ProviderPowerRow> rows = client.storageProvider().power(YEAR);
    long live = liveHeap() - before;
    check(rows.size()); // after the sample, so that the list is live while it is taken
    heap.liveHeapMb = live / 1e6;
    return rows.size();
  }

  private static void check(long rows) {
    if (rows != ROWS) {
      throw new IllegalStateException(rows + " rows, expected " + ROWS);
    }
  }
}
