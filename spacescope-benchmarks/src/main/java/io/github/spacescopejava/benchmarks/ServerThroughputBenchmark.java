package io.github.spacescopejava.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.net.http.HttpClient;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests per second of the fake against plain WireMock serving the very same bytes (captured from
 * the fake at set-up), with 4 client threads on the JDK HttpClient: the guide's quick-start call
 * (one day of network storage capacity) and a 31-day window.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(2)
@Threads(4)
@State(Scope.Benchmark)
public class ServerThroughputBenchmark {
  static final String PATH = OneCallBenchmark.PATH;
  static final String QUICK_START =
      PATH + "?start_date=" + OneCallBenchmark.END + "&end_date=" + OneCallBenchmark.END;
  static final String DAYS31 = PATH + OneCallBenchmark.QUERY;

  /**
   * The fake, and two plain WireMock servers serving the very bytes it answers to the quick-start
   * call and to the 31-day call: the servers of this benchmark and of {@link
   * InterleavedServerBenchmark}.
   */
  record FakeAndCopies(SpaceScopeFake fake, WireMockServer quickStart, WireMockServer days31) {
    static FakeAndCopies start() {
      SpaceScopeFake fake = SpaceScopeFake.builder().start();
      HttpClient http = Loopback.httpClient();
      return new FakeAndCopies(
          fake,
          Loopback.wireMockServing(PATH, Loopback.fetch(http, fake.baseUrl(), QUICK_START)),
          Loopback.wireMockServing(PATH, Loopback.fetch(http, fake.baseUrl(), DAYS31)));
    }

    String fakeUrl() {
      return fake.baseUrl();
    }

    void stop() {
      fake.close();
      quickStart.stop();
      days31.stop();
    }
  }

  private FakeAndCopies servers;
  private HttpClient http;

  @Setup(Level.Trial)
  public void start() {
    servers = FakeAndCopies.start();
    http = Loopback.httpClient();
  }

  @TearDown(Level.Trial)
  public void stop() {
    servers.stop();
  }

  @Benchmark
  public byte[] quickStartFake() {
    return Loopback.fetch(http, servers.fakeUrl(), QUICK_START);
  }

  @Benchmark
  public byte[] quickStartWireMock() {
    return Loopback.fetch(http, Loopback.baseUrl(servers.quickStart()), QUICK_START);
  }

  @Benchmark
  public byte[] days31Fake() {
    return Loopback.fetch(http, servers.fakeUrl(), DAYS31);
  }

  @Benchmark
  public byte[] days31WireMock() {
    return Loopback.fetch(http, Loopback.baseUrl(servers.days31()), DAYS31);
  }
}
