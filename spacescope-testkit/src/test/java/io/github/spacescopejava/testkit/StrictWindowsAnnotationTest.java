package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code @SpaceScopeFakeTest(strictWindows = true)}: windows held to the docs' figure (D20). */
@SpaceScopeFakeTest(clock = "2022-07-10T00:00:00Z", strictWindows = true)
class StrictWindowsAnnotationTest {
  @Test
  void ninetyOneDaysAreRefusedAndNinetyServed(SpaceScopeFake fake) {
    JsonNode refused =
        RawHttp.json(
            RawHttp.get(
                fake,
                "/v2/power/network_storage_capacity?start_date=2022-04-02&end_date=2022-07-01"));
    JsonNode served =
        RawHttp.json(
            RawHttp.get(
                fake,
                "/v2/power/network_storage_capacity?start_date=2022-04-03&end_date=2022-07-01"));

    assertThat(refused.get("code").asInt()).isEqualTo(30002);
    assertThat(served.get("data")).hasSize(90);
  }

  @Test
  void hourlyWindowsFollowTheirOwnDocumentedLimit(SpaceScopeFake fake) {
    // network_base_fee has no x-accepted-window-days: 31 days either way, 720 hours apart at most
    assertThat(
            RawHttp.json(
                    RawHttp.get(
                        fake,
                        "/v2/gas/network_base_fee?start_hour=2022-06-01T00:00:00Z"
                            + "&end_hour=2022-07-01T00:00:00Z"))
                .get("data"))
        .hasSize(721);
  }
}
