package io.github.spacescopejava.benchmarks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up in a fresh JVM (what a test run pays once): the fake until it answers, against plain
 * WireMock until it answers. Every measurement is a new fork; the server is stopped inside the
 * measured call, as a test class would.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
public class StartupBenchmark {
  @Benchmark
  public int coldFake() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
      return Loopback.fetch(
              Loopback.httpClient(), fake.baseUrl(), ServerThroughputBenchmark.QUICK_START)
          .length;
    }
  }

  @Benchmark
  public int coldWireMock() {
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(0));
    server.start();
    try {
      server.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                      OneCallBenchmark.PATH))
              .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("{}")));
      return Loopback.fetch(
              Loopback.httpClient(),
              Loopback.baseUrl(server),
              ServerThroughputBenchmark.QUICK_START)
          .length;
    } finally {
      server.stop();
    }
  }
}
