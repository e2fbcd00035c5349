package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fake's answers to well-formed requests around mainnet's first day (2020-08-24, the spec's
 * {@code x-first-day-with-data}): the API has no rows before it, so a request that ends before it
 * succeeds with no rows, and one that starts before it gets the rows from that day on.
 */
class ApiRulesTest {
  private static final FakeEngine ENGINE = Engines.engine("2022-07-10T00:00:00Z");

  private static JsonNode get(String target) {
    return Engines.json(Engines.get(ENGINE, target));
  }

  private static List<String> dates(JsonNode answer, String field) {
    List<String> dates = new ArrayList<>();
    answer.get("data").forEach(row -> dates.add(row.get(field).asText()));
    return dates;
  }

  @Nested
  class BeforeTheFirstDayWithData {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "/v2/power/network_storage_capacity?start_date=2020-08-01&end_date=2020-08-23",
      "/v2/power/network_storage_capacity?start_date=2020-08-23&end_date=2020-08-23",
      "/v2/gas/network_base_fee?start_hour=2020-08-23T00:00:00Z&end_hour=2020-08-23T23:00:00Z",
      "/v2/storage_provider/basic_info?state_date=2020-08-23",
      "/v2/storage_provider/basic_info?state_date=2020-08-23&miner_id=f01234",
    })
    void aRequestEndingBeforeItIsAnEmptySuccess(String target) {
      JsonNode answer = get(target);

      assertThat(answer.get("code").asInt()).isZero();
      assertThat(answer.get("data").isArray()).isTrue();
      assertThat(answer.get("data")).isEmpty();
    }

    @Test
    void aDayRangeStartingBeforeItHasTheRowsFromItOn() {
      JsonNode answer =
          get("/v2/power/network_storage_capacity?start_date=2020-08-20&end_date=2020-08-26");

      assertThat(dates(answer, "stat_date"))
          .containsExactly("2020-08-24T00:00:00Z", "2020-08-25T00:00:00Z", "2020-08-26T00:00:00Z");
    }

    @Test
    void anHourRangeStartingBeforeItHasTheHoursFromItsMidnightOn() {
      JsonNode answer =
          get(
              "/v2/gas/network_base_fee?start_hour=2020-08-23T22:00:00Z"
                  + "&end_hour=2020-08-24T01:00:00Z");

      assertThat(dates(answer, "hour_date"))
          .containsExactly("2020-08-24T00:00:00Z", "2020-08-24T01:00:00Z");
    }

    @Test
    void theFirstDayItselfHasItsRows() {
      assertThat(
              get("/v2/storage_provider/basic_info?state_date=2020-08-24&miner_id=f01234")
                  .get("data"))
          .hasSize(1);
      assertThat(
              dates(
                  get(
                      "/v2/power/network_storage_capacity?start_date=2020-08-24"
                          + "&end_date=2020-08-24"),
                  "stat_date"))
          .containsExactly("2020-08-24T00:00:00Z");
    }
  }

  @Nested
  class PlainDays {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        nullValues = "null",
        value = {
          "2022-07-01, 2022-07-01",
          "2024-02-29, 2024-02-29",
          "2022-02-28, 2022-02-28",
          "2022-12-31, 2022-12-31",
          "2022-01-01, 2022-01-01",
          "0000-01-01, 0000-01-01",
          "9999-09-19, 9999-09-19",
          "2022-02-29, null",
          "2022-04-31, null",
          "2022-13-01, null",
          "2022-00-10, null",
          "2022-01-00, null",
          "2022-01-32, null",
          "2022-7-01, null",
          "2022-07-1, null",
          "2022-07-001, null",
          "2022/07/01, null",
          "2022-07/01, null",
          "2022-0a-01, null",
          "2022-07-0:, null",
          "202a-07-01, null",
          "2022-/7-01, null",
          "+202-07-01, null",
        })
    void onlyARealDayInTheDocumentedFormIsADay(String text, String day) {
      assertThat(ApiRules.plainDay(text)).isEqualTo(day == null ? null : LocalDate.parse(day));
    }
  }
}
