package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every relation the spec declares holds on every operation over a year of the fake's rows. */
class RowRelationsTest {
  private static final FakeEngine ENGINE = Engines.engine("2025-01-01T00:00:00Z");
  private static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2022, 12, 31);

  static Stream<Arguments> operations() {
    return ApiSpec.bundled().operations().stream().map(op -> Arguments.of(named(op.path(), op)));
  }

  private static List<JsonNode> data(String target) {
    JsonNode envelope = Engines.json(Engines.get(ENGINE, target));
    assertThat(envelope.get("code").asInt()).as(target + " " + envelope).isZero();
    List<JsonNode> rows = new ArrayList<>();
    envelope.get("data").forEach(rows::add);
    return rows;
  }

  /** The year's rows of one operation, by series (network, provider, rank), in day order. */
  static Map<String, List<JsonNode>> year(OperationSpec op) {
    Map<String, List<JsonNode>> series = new LinkedHashMap<>();
    switch (op.shape()) {
      case DAY_RANGE -> {
        for (LocalDate s = FIRST; !s.isAfter(LAST); s = s.plusDays(op.maxWindowDays())) {
          LocalDate e = s.plusDays(op.maxWindowDays() - 1L);
          e = e.isAfter(LAST) ? LAST : e;
          String q = "?" + op.parameter("x-date-range-start", "start_date") + "=" + s;
          q += "&" + op.parameter("x-date-range-end", "end_date") + "=" + e;
          series.computeIfAbsent("network", k -> new ArrayList<>()).addAll(data(op.path() + q));
        }
      }
      case HOURLY_RANGE -> {
        long hours = (op.maxWindowDays() - 1L) * 24;
        Instant end = LAST.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (Instant s = FIRST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            s.isBefore(end);
            s = s.plusSeconds(3600 * (hours + 1))) {
          Instant e = s.plusSeconds(3600 * hours);
          e = e.isBefore(end) ? e : end.minusSeconds(3600);
          String q = "?start_hour=" + s + "&end_hour=" + e;
          series.computeIfAbsent("network", k -> new ArrayList<>()).addAll(data(op.path() + q));
        }
      }
      case STATE_DAY -> {
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
          // One provider day after day (RowSynthesizerTest: its row is the same in the
          // population): the rows and bytes the engine would serve, without validating 365
          // requests per operation (FakeEngineTest covers that path).
          String miner = op.perStorageProvider() ? RowSynthesizer.providerId(5) : null;
          Map<String, String> overrides = miner == null ? Map.of() : Map.of("miner_id", miner);
          byte[] body =
              Envelopes.success("year", RowSynthesizer.stateDay(op, d, miner, 0, overrides));
          List<JsonNode> rows = new ArrayList<>();
          Engines.json(Reply.json(200, body, 0)).get("data").forEach(rows::add);
          if (op.perStorageProvider()) {
            series.computeIfAbsent("provider", k -> new ArrayList<>()).addAll(rows);
          } else if (op.ranked()) {
            series.computeIfAbsent("list:" + d, k -> new ArrayList<>()).addAll(rows);
          } else {
            series.computeIfAbsent("network", k -> new ArrayList<>()).addAll(rows);
          }
        }
      }
      case PAGED_SEARCH -> {
        for (int page = 0; page < 3; page++) {
          for (JsonNode row : data(op.path() + "?page_size=10&client_id=f01234&page=" + page)) {
            series.put("deal:" + row.get("deal_id").asText(), List.of(row));
          }
        }
      }
    }
    return series;
  }

  @ParameterizedTest
  @MethodSource("operations")
  void everyDeclaredRelationHoldsOverAYear(OperationSpec op) {
    RowRelations relations = new RowRelations(op);
    int rows = 0;
    for (Map.Entry<String, List<JsonNode>> s : year(op).entrySet()) {
      rows += s.getValue().size();
      if (s.getKey().startsWith("list:")) {
        relations.topList(s.getValue());
      } else {
        relations.series(s.getValue());
      }
    }

    assertThat(rows)
        .isGreaterThanOrEqualTo(op.shape() == OperationSpec.Shape.PAGED_SEARCH ? 30 : 365);
    assertThat(relations.violations()).isEmpty();
    boolean declares =
        op.rowFields().stream()
            .anyMatch(
                f ->
                    f.rules().cumulative()
                        || f.rules().topN() > 0
                        || !f.rules().dependencies().isEmpty());
    if (declares) {
      assertThat(relations.checks()).as("relations checked").isGreaterThanOrEqualTo(365);
    }
  }

  @Test
  void theSpecDeclaresRelationsOfEveryKind() {
    List<FieldRules> all =
        ApiSpec.bundled().operations().stream()
            .flatMap(op -> op.rowFields().stream())
            .map(OperationSpec.FieldSpec::rules)
            .toList();

    assertThat(all).anyMatch(FieldRules::cumulative);
    assertThat(all).anyMatch(r -> !r.sumOf().isEmpty());
    assertThat(all).anyMatch(r -> r.sumOf().stream().anyMatch(FieldRules::subtracted));
    assertThat(all).anyMatch(r -> !r.notGreaterThan().isEmpty());
    assertThat(all).anyMatch(r -> r.topN() > 0 && r.rankedBy() != null);
    assertThat(all.stream().filter(r -> r.typicalMagnitude() != null).count()).isGreaterThan(300);
  }

  /** The checker itself: rows that break each kind of relation are reported. */
  @Test
  void theCheckerReportsBrokenRows() {
    OperationSpec supply = ApiSpec.bundled().find("/v2/circulating_supply/circulating_supply");
    List<JsonNode> rows =
        data("/v2/circulating_supply/circulating_supply?start_date=2022-07-01&end_date=2022-07-03");
    assertThat(new RowRelations(supply).series(rows).violations()).isEmpty();

    ObjectNode falling = rows.get(2).deepCopy();
    falling.put(
        "burnt_fil",
        rows.get(1).get("burnt_fil").decimalValue().subtract(java.math.BigDecimal.ONE));
    assertThat(new RowRelations(supply).series(List.of(rows.get(1), falling)).violations())
        .anyMatch(v -> v.startsWith("burnt_fil is cumulative but falls"));

    ObjectNode unbalanced = rows.get(0).deepCopy();
    unbalanced.put(
        "locked_fil",
        unbalanced.get("locked_fil").decimalValue().add(new java.math.BigDecimal("1e-9")));
    assertThat(new RowRelations(supply).series(List.of(unbalanced)).violations())
        .singleElement()
        .asString()
        .startsWith("circulating_fil is not");

    OperationSpec power = ApiSpec.bundled().find("/v2/power/network_storage_capacity");
    ObjectNode above =
        data("/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-01")
            .get(0)
            .deepCopy();
    above.put(
        "total_raw_bytes_power",
        above.get("total_qa_bytes_power").decimalValue().add(java.math.BigDecimal.ONE));
    assertThat(new RowRelations(power).series(List.of(above)).violations())
        .singleElement()
        .asString()
        .startsWith("total_raw_bytes_power exceeds total_qa_bytes_power");

    OperationSpec top =
        ApiSpec.bundled().find("/v1/network_core/market-deals/top10_clients_by_new_deal_count");
    List<JsonNode> list =
        data("/v1/network_core/market-deals/top10_clients_by_new_deal_count?state_date=2022-07-01");
    assertThat(new RowRelations(top).topList(list).violations()).isEmpty();
    assertThat(new RowRelations(top).topList(list.subList(0, 9)).violations()).isNotEmpty();
    List<JsonNode> swapped = new ArrayList<>(list);
    java.util.Collections.swap(swapped, 0, 1);
    assertThat(new RowRelations(top).topList(swapped).violations()).isNotEmpty();
  }
}
