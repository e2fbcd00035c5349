package io.github.spacescopejava.benchmarks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Two variants measure the testkit's own fast paths beside the libraries (decisions D37 and
 * D64): {@link #coldFakeSpecParsed}, the same spec given as a file, which the fake also reads with
 * the OpenAPI parser (what reading the bundled spec with Jackson alone saves); and {@link
 * #coldFakeValidated}, whose first request has an {@code Accept} header that {@code QueryChecks}
 * does not certify, so that the OpenAPI request validator is built and consulted (what the
 * validator-on-first-need saves).
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

  @Benchmark
  public int coldFakeSpecParsed() {
    Path spec = bundledSpecCopy();
    try (SpaceScopeFake fake = SpaceScopeFake.builder().spec(spec).start()) {
      return Loopback.fetch(
              Loopback.httpClient(), fake.baseUrl(), ServerThroughputBenchmark.QUICK_START)
          .length;
    } finally {
      spec.toFile().delete();
    }
  }

  @Benchmark
  public int coldFakeValidated() throws Exception {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(fake.baseUrl() + ServerThroughputBenchmark.QUICK_START))
              .header("authorization", "Bearer " + Loopback.TOKEN)
              // JSON, but not one of the two Accept values QueryChecks certifies
              .header("accept", "application/json;q=0.9")
              .GET()
              .build();
      HttpResponse<byte[]> response =
          Loopback.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || fake.invalidRequests().size() != 0) {
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      return response.body().length;
    }
  }

  /** The spec the fake bundles, copied to a file (the fake reads a file given to it in full). */
  static Path bundledSpecCopy() {
    try (InputStream in =
        SpaceScopeFake.class
            .getClassLoader()
            .getResourceAsStream("io/github/spacescopejava/spec/spacescope.yaml")) {
      if (in == null) {
        throw new IllegalStateException("the bundled spec is not on the class path");
      }
      Path file = Files.createTempFile("spacescope-spec", ".yaml");
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
