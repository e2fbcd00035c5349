package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same request gives the same rows (under a new request_id); rows agree across requests that
 * share them.
 */
@SpaceScopeFakeTest(clock = "2022-07-10T00:00:00Z")
class DeterminismTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/v2/power/network_storage_capacity?start_date=2022-06-01&end_date=2022-07-01",
        "/v2/gas/network_base_fee?start_hour=2022-07-01T00:00:00Z&end_hour=2022-07-02T00:00:00Z",
        "/v2/storage_provider/power?state_date=2022-07-01",
        "/v2/deals/deal_snapshot?page_size=100&page=1&client_id=f0777001",
        "/v1/network_core/market-deals/top10_clients_by_active_deal_bytes?state_date=2022-07-01"
      })
  void sameRequestTwiceGivesIdenticalDataUnderItsOwnRequestId(String target, SpaceScopeFake fake) {
    JsonNode first = RawHttp.json(RawHttp.get(fake, target));
    JsonNode second = RawHttp.json(RawHttp.get(fake, target));

    assertThat(withoutRequestId(second)).isEqualTo(withoutRequestId(first));
    assertThat(second.get("request_id")).isNotEqualTo(first.get("request_id"));
  }

  @Test
  void twoFakesGivenTheSameRequestsGiveIdenticalBytes(SpaceScopeFake fake) {
    String target = "/v2/economics/sector_economics?start_date=2022-07-01&end_date=2022-07-05";
    try (SpaceScopeFake one = SpaceScopeFake.builder().clock(fake.clock().instant()).start();
        SpaceScopeFake other = SpaceScopeFake.builder().clock(fake.clock().instant()).start()) {
      assertThat(RawHttp.get(other, target).body()).isEqualTo(RawHttp.get(one, target).body());
    }
  }

  private static JsonNode withoutRequestId(JsonNode envelope) {
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        (com.fasterxml.jackson.databind.node.ObjectNode) envelope.deepCopy();
    copy.remove("request_id");
    return copy;
  }

  @Test
  void overlappingWindowsAgreeOnTheDaysTheyShare(SpaceScopeFake fake) {
    JsonNode week =
        RawHttp.json(
                RawHttp.get(
                    fake,
                    "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-07"))
            .get("data");
    JsonNode oneDay =
        RawHttp.json(
                RawHttp.get(
                    fake,
                    "/v2/power/network_storage_capacity?start_date=2022-07-03&end_date=2022-07-03"))
            .get("data");

    assertThat(oneDay.get(0)).isEqualTo(week.get(2));
  }

  @Test
  void oneProvidersRowIsItsRowInTheWholePopulation(SpaceScopeFake fake) {
    JsonNode all =
        RawHttp.json(RawHttp.get(fake, "/v2/storage_provider/power?state_date=2022-07-01"))
            .get("data");
    JsonNode tenth = all.get(9);
    String miner = tenth.get("miner_id").asText();

    JsonNode one =
        RawHttp.json(
                RawHttp.get(
                    fake, "/v2/storage_provider/power?state_date=2022-07-01&miner_id=" + miner))
            .get("data");

    assertThat(one).containsExactly(tenth);
    assertThat(StreamSupport.stream(all.spliterator(), false).map(r -> r.get("miner_id").asText()))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("f0[0-9]+"));
  }

  @Test
  void successEnvelopeDoesNotDependOnTheClockOnceTheDayIsPublished(SpaceScopeFake fake) {
    String target = "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-01";
    JsonNode before = withoutRequestId(RawHttp.json(RawHttp.get(fake, target)));

    fake.advanceClock(Duration.ofDays(400));

    assertThat(withoutRequestId(RawHttp.json(RawHttp.get(fake, target)))).isEqualTo(before);
  }
}
