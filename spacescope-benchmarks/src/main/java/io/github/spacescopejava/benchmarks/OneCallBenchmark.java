package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One 31-day call of {@code network_storage_capacity}: the ergonomic client against what a user
 * would write instead, the JDK HttpClient plus the project's mapper into the same model, or plus a
 * Jackson tree. The server is plain WireMock with the fake's answer as a fixed body, so that the
 * server's own cost is as small and as equal as it can be.
 *
 * <p>Six seconds of warm-up: on two cores the JIT needs several thousand calls to compile the HTTP
 * client's, Feign's and Jackson's paths, and with three one-second iterations the ergonomic call
 * was still being compiled while it was measured (7.9 ms per call, against about 1 ms once warm).
 * Two forks: on a shared two-core machine one fork's five iterations moved the ratio by 30 % from
 * run to run; the median of two forks' eight moves it less.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class OneCallBenchmark {
  static final String PATH = "/v2/power/network_storage_capacity";
  static final LocalDate END = LocalDate.of(2024, 12, 30);
  static final LocalDate START = END.minusDays(30);
  static final String QUERY = "?start_date=" + START + "&end_date=" + END;
  static final int WARM_UP_CALLS = 5_000;

  private WireMockServer server;
  private String baseUrl;
  private SpaceScope cap4;
  private SpaceScope cap8;
  private HttpClient http;
  private ObjectMapper mapper;
  private final DateRange range = DateRange.of(START, END);

  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws IOException {
    server = Loopback.wireMockServing(PATH, Loopback.fakeAnswer(PATH + QUERY));
    baseUrl = Loopback.baseUrl(server);
    cap4 = Loopback.ergonomic(baseUrl, 4);
    cap8 = Loopback.ergonomic(baseUrl, 8);
    http = Loopback.httpClient();
    mapper = SpaceScopeJson.newObjectMapper();
    warmUp(params.getBenchmark());
  }

  /**
   * Runs this fork's own path on one thread before JMH's warm-up: with eight threads busy on two
   * cores, the JIT's compiler threads get so little time that a path was still being compiled
   * through the measured iterations (the eight-thread call kept getting faster for a minute), and
   * the more code a path has, the longer that took. One thread leaves a core to the compiler. Every
   * benchmark gets the same number of calls.
   */
  private void warmUp(String benchmark) throws IOException {
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      if (benchmark.endsWith("Cap8")) {
        cap8.power().networkStorageCapacity(range);
      } else if (benchmark.endsWith("Ergonomic") || benchmark.endsWith("Cap4")) {
        cap4.power().networkStorageCapacity(range);
      } else if (benchmark.endsWith("Mapper")) {
        viaMapper();
      } else {
        viaTree();
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    cap4.close();
    cap8.close();
    server.stop();
  }

  List<NetworkStorageCapacityRow> viaMapper() throws IOException {
    return Loopback.capacityRows(mapper, Loopback.fetch(http, baseUrl, PATH + QUERY));
  }

  JsonNode viaTree() throws IOException {
    return Loopback.dataOf(mapper, Loopback.fetch(http, baseUrl, PATH + QUERY));
  }

  @Benchmark
  @Threads(1)
  public List<NetworkStorageCapacityRow> t1Ergonomic() {
    return cap4.power().networkStorageCapacity(range);
  }

  @Benchmark
  @Threads(1)
  public List<NetworkStorageCapacityRow> t1HttpClientMapper() throws IOException {
    return viaMapper();
  }

  @Benchmark
  @Threads(1)
  public JsonNode t1HttpClientJsonNode() throws IOException {
    return viaTree();
  }

  @Benchmark
  @Threads(8)
  public List<NetworkStorageCapacityRow> t8ErgonomicCap4() {
    return cap4.power().networkStorageCapacity(range);
  }

  @Benchmark
  @Threads(8)
  public List<NetworkStorageCapacityRow> t8ErgonomicCap8() {
    return cap8.power().networkStorageCapacity(range);
  }

  @Benchmark
  @Threads(8)
  public List<NetworkStorageCapacityRow> t8HttpClientMapper() throws IOException {
    return viaMapper();
  }

  @Benchmark
  @Threads(8)
  public JsonNode t8HttpClientJsonNode() throws IOException {
    return viaTree();
  }
}
