package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
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
 *
 * <p>Also the two ways the client's decoder reads a success (decision D41), with the same Jackson
 * calls on the same bytes: {@link #envelopeFromBytes}, the plain path (a strict reader straight
 * into the envelope, code 0 and a list checked), against {@link #envelopeThroughTree}, the path
 * every other answer takes (the tree the classifier checks, then the model from the tree). Their
 * difference is what the plain path saves on every successful call.
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
  private ObjectReader strictEnvelope;
  private ObjectReader envelope;

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
    // As EnvelopeDecoder builds them: the strict copy refuses every coercion to text.
    ObjectMapper strict = mapper.copy();
    strict
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strictEnvelope = strict.readerFor(NetworkStorageCapacity.class);
    envelope = mapper.readerFor(NetworkStorageCapacity.class);
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

  @Benchmark
  public NetworkStorageCapacity envelopeFromBytes() throws IOException {
    NetworkStorageCapacity e = strictEnvelope.readValue(body);
    if (e.getCode() == null || e.getCode() != 0 || e.getData() == null) {
      throw new IllegalStateException("not a plain success");
    }
    return e;
  }

  @Benchmark
  public NetworkStorageCapacity envelopeThroughTree() throws IOException {
    JsonNode tree = mapper.readTree(body);
    if (!tree.path("code").isInt()
        || tree.get("code").intValue() != 0
        || !tree.path("data").isArray()) {
      throw new IllegalStateException("not a success envelope");
    }
    return envelope.readValue(tree);
  }
}
