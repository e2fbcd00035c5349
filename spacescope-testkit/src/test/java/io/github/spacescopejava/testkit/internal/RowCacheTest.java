package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Synthesized rows are kept per spec (D36): a repeated request costs the envelope only, and its
 * bytes are exactly those a fresh synthesis gives, with a request id of its own.
 */
class RowCacheTest {
  private static final String CLOCK = "2025-01-01T00:00:00Z";
  private static final List<String> TARGETS =
      List.of(
          "/v2/power/network_storage_capacity?start_date=2024-11-30&end_date=2024-12-30",
          "/v2/power/network_storage_capacity?end_date=2024-12-30&start_date=2024-11-30",
          "/v2/power/network_storage_capacity",
          "/v2/storage_provider/power?state_date=2024-12-01",
          "/v2/storage_provider/power?state_date=2024-12-01&miner_id=f01234",
          "/v2/deals/deal_snapshot?page_size=7&page=2&client_id=f01020500",
          "/v2/gas/network_base_fee?start_hour=2024-12-01T00:00:00Z"
              + "&end_hour=2024-12-02T05:00:00Z");

  @Test
  void aCachedAnswerIsByteForByteAFreshOne() {
    ApiSpec warm = ApiSpec.read(ApiSpec.readClasspathSpec());
    FakeEngine warming = Engines.engine(warm, CLOCK);
    for (String target : TARGETS) {
      Engines.get(warming, target);
    }
    assertThat(warm.rowCache().size()).isGreaterThanOrEqualTo(TARGETS.size() - 2);

    FakeEngine fresh = Engines.engine(ApiSpec.read(ApiSpec.readClasspathSpec()), CLOCK);
    FakeEngine cached = Engines.engine(warm, CLOCK);
    for (String target : TARGETS) {
      Reply a = Engines.get(fresh, target);
      Reply b = Engines.get(cached, target);
      assertThat(Engines.json(a).get("code").asInt()).as(target).isZero();
      assertThat(Engines.json(a).get("data").size()).as(target).isPositive();
      assertThat(new String(b.body(), java.nio.charset.StandardCharsets.UTF_8))
          .as(target)
          .isEqualTo(new String(a.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRepeatedRequestGetsItsOwnRequestIdAndTheSameRows() {
    FakeEngine engine = Engines.engine(CLOCK);
    String target = TARGETS.get(0);

    JsonNode first = Engines.json(Engines.get(engine, target));
    JsonNode second = Engines.json(Engines.get(engine, target));

    assertThat(second.get("request_id").asText()).isNotEqualTo(first.get("request_id").asText());
    assertThat(second.get("data")).isEqualTo(first.get("data")).hasSize(31);
  }

  @Test
  void requestIdsAreNameBasedUuidsAsTheJdkMakesThem() {
    for (String seed : List.of("", "1 GET /v2/x {}", "12345 GET /v2/y {a=[b]}", "ü€")) {
      byte[] bytes = seed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(RequestIds.nameUuid(bytes)).isEqualTo(java.util.UUID.nameUUIDFromBytes(bytes));
    }
  }

  @Test
  void plainDaysAreWhatTheStrictFormatterReads() {
    java.time.format.DateTimeFormatter strict =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    for (String v :
        List.of(
            "2024-02-29",
            "2023-02-29",
            "2024-12-31",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "0000-01-01",
            "9999-12-31",
            "2024-1-01",
            "2024/01/01",
            "2024-01-0a",
            "+2024-01-01",
            "２０２４-01-01",
            "2024-01-01 ")) {
      LocalDate expected;
      try {
        expected = LocalDate.parse(v, strict);
      } catch (java.time.format.DateTimeParseException e) {
        expected = null;
      }
      LocalDate plain = ApiRules.plainDay(v);
      if (plain != null || v.length() == 10) {
        assertThat(plain).as(v).isEqualTo(expected);
      }
    }
  }

  @Test
  void theSplicedEnvelopeIsWhatTheWriterWritesForTheSameRows() {
    ApiSpec spec = ApiSpec.bundled();
    OperationSpec days = spec.find("/v2/power/network_storage_capacity");
    OperationSpec providers = spec.find("/v2/storage_provider/power");
    List<List<Map<String, Object>>> samples =
        List.of(
            RowSynthesizer.dayRange(
                days, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), Map.of()),
            RowSynthesizer.stateDay(providers, LocalDate.of(2024, 1, 1), null, 40, Map.of()),
            RowSynthesizer.hourly(
                spec.find("/v2/gas/network_base_fee"),
                Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2024-01-02T00:00:00Z"),
                Map.of()),
            List.of());
    for (List<Map<String, Object>> rows : samples) {
      for (String id :
          List.of("0f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0#12", "an \"odd\" id\n", "é#1")) {
        assertThat(Envelopes.successWith(id, Envelopes.data(rows)))
            .as(id)
            .isEqualTo(Envelopes.success(id, rows));
      }
    }
  }
}
