package io.github.spacescopejava.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.ProviderPower;
import io.github.spacescopejava.generated.model.ProviderTokenBalance;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding 5,000 state-day rows (one day of 5,000 providers, as the fake writes them) into the
 * generated model, against reading the same bytes into a Jackson tree. The {@code ...Jsr310} rows
 * decode with the mapper as it was before the timestamp fast path (jsr310's parser for every {@code
 * stat_date}), to show what that change moved. No server is involved while measuring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DecodeBenchmark {
  static final int PROVIDERS = 5_000;

  private byte[] power;
  private byte[] tokenBalance;
  private ObjectMapper mapper;
  private ObjectMapper jsr310Only;

  @Setup(Level.Trial)
  public void fetch() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().providerPopulation(PROVIDERS).start()) {
      String day = fake.latestAvailableDay().toString();
      var http = Loopback.httpClient();
      power = Loopback.fetch(http, fake.baseUrl(), "/v2/storage_provider/power?state_date=" + day);
      tokenBalance =
          Loopback.fetch(
              http, fake.baseUrl(), "/v2/storage_provider/token_balance?state_date=" + day);
    }
    mapper = SpaceScopeJson.newObjectMapper();
    // SpaceScopeJson's settings as they were, without the fast path.
    jsr310Only =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    try {
      int rows = mapper.readValue(power, ProviderPower.class).getData().size();
      int balances = mapper.readValue(tokenBalance, ProviderTokenBalance.class).getData().size();
      if (rows != PROVIDERS || balances != PROVIDERS) {
        throw new IllegalStateException(
            "expected " + PROVIDERS + " rows: " + rows + ", " + balances);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public ProviderPower powerModel() throws IOException {
    return mapper.readValue(power, ProviderPower.class);
  }

  @Benchmark
  public ProviderPower powerModelJsr310() throws IOException {
    return jsr310Only.readValue(power, ProviderPower.class);
  }

  @Benchmark
  public JsonNode powerJsonNode() throws IOException {
    return mapper.readTree(power);
  }

  @Benchmark
  public ProviderTokenBalance tokenBalanceModel() throws IOException {
    return mapper.readValue(tokenBalance, ProviderTokenBalance.class);
  }

  @Benchmark
  public ProviderTokenBalance tokenBalanceModelJsr310() throws IOException {
    return jsr310Only.readValue(tokenBalance, ProviderTokenBalance.class);
  }

  @Benchmark
  public JsonNode tokenBalanceJsonNode() throws IOException {
    return mapper.readTree(tokenBalance);
  }
}
