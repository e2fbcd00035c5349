package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic client bug, caught by the fake: a client that decodes the API's numbers into {@code
 * double} (here Jackson's defaults, as most hand-written clients do) loses digits that the fake
 * sends, as the real API does (D25). The same answers decoded into {@code BigDecimal} keep them.
 */
@SpaceScopeFakeTest(clock = "2022-10-01T21:00:00Z")
class DoubleLossTest {
  private static final ObjectMapper NAIVE = new ObjectMapper();
  private static final ObjectMapper EXACT = SpaceScopeJson.newObjectMapper();

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PowerRow(
      @JsonProperty("total_qa_bytes_power") double qa,
      @JsonProperty("total_raw_bytes_power") double raw) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SupplyRow(
      @JsonProperty("circulating_fil") double circulating,
      @JsonProperty("mined_fil") double mined,
      @JsonProperty("vested_fil") double vested,
      @JsonProperty("reserve_disbursed_fil") double reserve,
      @JsonProperty("locked_fil") double locked,
      @JsonProperty("burnt_fil") double burnt) {}

  record Envelope<T>(
      @JsonProperty("request_id") String requestId, int code, String message, List<T> data) {}

  @Test
  void networkPowerDecodedIntoDoubleIsNotWhatTheServerSent(SpaceScopeFake fake) throws Exception {
    byte[] body =
        RawHttp.get(
                fake,
                "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-09-28")
            .body();
    List<PowerRow> naive = NAIVE.readValue(body, new TypeReference<Envelope<PowerRow>>() {}).data();
    JsonNode exact = EXACT.readTree(body).get("data");

    int lost = 0;
    for (int i = 0; i < naive.size(); i++) {
      BigDecimal sent = exact.get(i).get("total_qa_bytes_power").decimalValue();
      BigDecimal decoded = new BigDecimal(naive.get(i).qa());
      assertThat(sent.toBigInteger().bitLength()).isGreaterThan(53); // beyond a double's digits
      lost += decoded.compareTo(sent) != 0 ? 1 : 0;
    }
    assertThat(naive).hasSize(90);
    assertThat(lost).as("rows whose power the double did not hold").isGreaterThan(85);
  }

  @Test
  void aSumCheckedInDoubleFailsWhereTheExactSumHolds(SpaceScopeFake fake) throws Exception {
    byte[] body =
        RawHttp.get(
                fake,
                "/v2/circulating_supply/circulating_supply?start_date=2022-07-01&end_date=2022-09-28")
            .body();
    List<SupplyRow> naive =
        NAIVE.readValue(body, new TypeReference<Envelope<SupplyRow>>() {}).data();
    JsonNode exact = EXACT.readTree(body).get("data");

    int doubleMismatches = 0;
    for (int i = 0; i < naive.size(); i++) {
      SupplyRow r = naive.get(i);
      double parts = r.mined() + r.vested() + r.reserve() - r.locked() - r.burnt();
      doubleMismatches += parts != r.circulating() ? 1 : 0;
      JsonNode row = exact.get(i);
      BigDecimal exactParts =
          row.get("mined_fil")
              .decimalValue()
              .add(row.get("vested_fil").decimalValue())
              .add(row.get("reserve_disbursed_fil").decimalValue())
              .subtract(row.get("locked_fil").decimalValue())
              .subtract(row.get("burnt_fil").decimalValue());
      assertThat(exactParts).isEqualByComparingTo(row.get("circulating_fil").decimalValue());
    }
    assertThat(naive).hasSize(90);
    assertThat(doubleMismatches).as("rows where the double sum misses the total").isPositive();
  }
}
