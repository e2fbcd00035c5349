package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RowSynthesizerTest {
  private static final FakeEngine ENGINE = Engines.engine("2022-07-10T00:00:00Z");

  static Stream<Arguments> operations() {
    return ApiSpec.bundled().operations().stream().map(op -> Arguments.of(named(op.path(), op)));
  }

  /** The JSON rows the engine sends for a plain request to the operation. */
  private static JsonNode rows(OperationSpec op) {
    String query =
        switch (op.shape()) {
          case DAY_RANGE -> "?start_date=2022-07-01&end_date=2022-07-02";
          case HOURLY_RANGE -> "?start_hour=2022-07-01T00:00:00Z&end_hour=2022-07-01T01:00:00Z";
          case STATE_DAY -> "?state_date=2022-07-01";
          case PAGED_SEARCH -> "?page_size=5&provider_id=f01234";
        };
    JsonNode envelope = Engines.json(Engines.get(ENGINE, op.path() + query));
    assertThat(envelope.get("code").asInt()).as(envelope.toString()).isZero();
    return envelope.get("data");
  }

  @ParameterizedTest
  @MethodSource("operations")
  void everyRowCarriesEveryFieldOfItsSchemaWithItsWireType(OperationSpec op) {
    JsonNode rows = rows(op);
    assertThat(rows).isNotEmpty();
    for (JsonNode row : rows) {
      List<String> names = new ArrayList<>();
      row.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactlyElementsOf(op.rowFields().stream().map(FieldSpec::name).toList());
      for (FieldSpec f : op.rowFields()) {
        JsonNode v = row.get(f.name());
        switch (f.type()) {
          case NUMBER -> assertThat(v.isNumber()).as(f.name()).isTrue();
          case INTEGER -> assertThat(v.isIntegralNumber()).as(f.name()).isTrue();
          case BOOLEAN -> assertThat(v.isBoolean()).as(f.name()).isTrue();
          case INTEGER_STRING -> assertThat(v.asText()).as(f.name()).matches("-?[0-9]+");
          case DATE_TIME -> assertThat(Instant.parse(v.asText())).as(f.name()).isNotNull();
          case DATE -> assertThat(LocalDate.parse(v.asText())).as(f.name()).isNotNull();
          case STRING -> assertThat(v.isTextual()).as(f.name()).isTrue();
          case ARRAY -> assertThat(v.isArray()).as(f.name()).isTrue();
          case OBJECT -> assertThat(v.isObject()).as(f.name()).isTrue();
        }
      }
    }
  }

  @Nested
  class Magnitudes {
    private JsonNode row(String target) {
      return Engines.json(Engines.get(ENGINE, target)).get("data").get(0);
    }

    @Test
    void networkPowerIsBeyondTheRangeOfLong() {
      JsonNode row =
          row("/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-01");

      assertThat(row.get("total_qa_bytes_power").bigIntegerValue())
          .isBetween(
              BigInteger.TEN.pow(19), BigInteger.valueOf(4).multiply(BigInteger.TEN.pow(19)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
      "/v2/circulating_supply/circulating_supply?start_date=2022-07-01, mined_fil",
      "/v2/economics/block_reward?start_date=2022-07-01,                reward_per_wincount",
      "/v2/storage_provider/token_balance?state_date=2022-07-01&miner_id=f01234, balance"
    })
    void filAmountsAreWrittenInTheShortestFormOfADouble(String target, String field) {
      BigDecimal v = row(target).get(field).decimalValue();

      assertThat(v.signum()).isPositive();
      assertThat(v.precision()).isLessThanOrEqualTo(17);
      assertThat(BigDecimal.valueOf(v.doubleValue())).isEqualByComparingTo(v);
    }

    @Test
    void attoFilAmountsAreIntegerStrings() {
      JsonNode deal = row("/v2/deals/deal_snapshot?page_size=1&deal_id=7");

      assertThat(deal.get("provider_collateral").isTextual()).isTrue();
      assertThat(new BigInteger(deal.get("provider_collateral").asText()))
          .isGreaterThanOrEqualTo(BigInteger.TEN.pow(14));
      assertThat(deal.get("deal_id").asLong()).isEqualTo(7);
    }

    @Test
    void dealEpochsTellOneStory() {
      JsonNode deal = row("/v2/deals/deal_snapshot?page_size=1&deal_id=7");
      long start = deal.get("start_epoch").asLong();

      assertThat(start).isBetween(2_000_000L, 4_000_000L);
      assertThat(deal.get("end_epoch").asLong()).isGreaterThan(start);
      assertThat(deal.get("expiration_epoch").asLong()).isEqualTo(deal.get("end_epoch").asLong());
      assertThat(deal.get("activation_epoch").asLong()).isLessThanOrEqualTo(start);
      assertThat(Instant.parse(deal.get("start_timestamp").asText()))
          .isEqualTo(RowSynthesizer.timeOfEpoch(start));
      assertThat(deal.get("termination_epoch").asLong()).isGreaterThanOrEqualTo(-1);
    }

    @Test
    void idsAndAddressesLookLikeFilecoinOnes() {
      JsonNode deal = row("/v2/deals/deal_snapshot?page_size=1&deal_id=7");

      assertThat(deal.get("provider_id").asText()).matches("f0[0-9]{4,8}");
      assertThat(deal.get("client_id").asText()).matches("f0[0-9]{4,8}");
      assertThat(deal.get("client_address").asText()).matches("f[13][a-z2-7]{39,84}");
      assertThat(deal.get("piece_cid").asText()).matches("baga[a-z2-7]{60}");
      long padded = deal.get("padded_piece_size").asLong();
      assertThat(Long.bitCount(padded)).isEqualTo(1);
      assertThat(deal.get("unpadded_piece_size").asLong()).isEqualTo(padded / 128 * 127);
    }

    @Test
    void aTopTenListFallsAsTheRankRises() {
      JsonNode rows =
          Engines.json(
                  Engines.get(
                      ENGINE,
                      "/v1/network_core/market-deals/top10_clients_by_active_deal_bytes?state_date=2022-07-01"))
              .get("data");

      assertThat(rows).hasSize(10);
      List<BigDecimal> bytes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        assertThat(rows.get(i).get("client_rank").asInt()).isEqualTo(i + 1);
        bytes.add(rows.get(i).get("active_deal_bytes").decimalValue());
      }
      assertThat(bytes).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void theProviderPopulationIsAscendingAndFixed() {
      List<String> ids =
          Stream.iterate(0, k -> k + 1).limit(500).map(RowSynthesizer::providerId).toList();

      assertThat(ids)
          .doesNotHaveDuplicates()
          .isSortedAccordingTo(
              (a, b) ->
                  Long.compare(Long.parseLong(a.substring(2)), Long.parseLong(b.substring(2))));
      assertThat(Long.parseLong(ids.get(0).substring(2))).isBetween(10_000L, 10_999L);
    }

    @Test
    void aProviderRowIsTheSameAloneAndWithinThePopulation() {
      String path = "/v2/storage_provider/power?state_date=2022-07-01";
      JsonNode population = Engines.json(Engines.get(ENGINE, path)).get("data");

      assertThat(population).hasSize(20); // the population of Engines
      for (int k : new int[] {0, 7, 19}) {
        String miner = RowSynthesizer.providerId(k);
        JsonNode alone = row(path + "&miner_id=" + miner);
        assertThat(population.get(k).get("miner_id").asText()).isEqualTo(miner);
        assertThat(alone).isEqualTo(population.get(k));
      }
      assertThat(population.get(0)).isNotEqualTo(population.get(1));
    }
  }

  @Test
  void rowsDependOnTheirKeyNotOnTheWindow() {
    OperationSpec op = ApiSpec.bundled().find("/v2/gas/daily_gas_usage_in_units");
    List<Map<String, Object>> week =
        RowSynthesizer.dayRange(op, LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 7), Map.of());
    List<Map<String, Object>> day =
        RowSynthesizer.dayRange(op, LocalDate.of(2022, 7, 4), LocalDate.of(2022, 7, 4), Map.of());

    assertThat(day).containsExactly(week.get(3));
  }
}
