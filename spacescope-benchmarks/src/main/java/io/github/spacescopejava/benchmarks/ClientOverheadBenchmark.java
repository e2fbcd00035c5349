package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.io.IOException;
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
 * The ergonomic client's own CPU per 31-day call, without a network: the client over an {@link
 * InMemoryHttpClient} that answers at once with the fake's bytes, against the project's mapper
 * decoding the same bytes, which is the least any client must do. The difference is what the client
 * adds to every call (argument checks, Feign's request template, the transport, the classification
 * of the answer); on loopback it is a fraction of the round trip, which is why the one-call figures
 * of {@link OneCallBenchmark} are close to 1, and this figure says how close they can get.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ClientOverheadBenchmark {
  private final DateRange range = DateRange.of(OneCallBenchmark.START, OneCallBenchmark.END);
  private byte[] body;
  private SpaceScope ergonomic;
  private ObjectMapper mapper;

  @Setup(Level.Trial)
  public void start() {
    body = Loopback.fakeAnswer(OneCallBenchmark.PATH + OneCallBenchmark.QUERY);
    ergonomic =
        SpaceScope.builder()
            .token(Loopback.TOKEN)
            .baseUrl("http://127.0.0.1:9")
            .clock(Loopback.CLOCK)
            .httpClient(new InMemoryHttpClient(body))
            .build();
    mapper = SpaceScopeJson.newObjectMapper();
  }

  @TearDown(Level.Trial)
  public void stop() {
    ergonomic.close();
  }

  @Benchmark
  public List<NetworkStorageCapacityRow> ergonomicInMemory() {
    return ergonomic.power().networkStorageCapacity(range);
  }

  @Benchmark
  public List<NetworkStorageCapacityRow> mapperOnly() throws IOException {
    return Loopback.capacityRows(mapper, body);
  }
}
