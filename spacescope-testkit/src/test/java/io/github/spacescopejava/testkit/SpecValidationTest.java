package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests that do not match the spec fail loudly: HTTP 200 and 30002 with the validator's reason
 * (404 or 405 outside the spec's paths and methods), and a record in invalidRequests().
 */
@SpaceScopeFakeTest(
    failOnInvalidRequests = false,
    failOnUnmatchedRequests = false,
    clock = "2022-07-10T00:00:00Z")
class SpecValidationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/v2/power/network_storage_capacity?state_date=2022-07-01 | Query parameter 'state_date' is"
            + " unexpected",
        "/v2/power/network_storage_capacity?start_date=01.07.2022 | invalid against requested date"
            + " format",
        "/v2/storage_provider/power?miner_id=f0abc                | does not match input string"
            + " \"f0abc\"",
        "/v2/deals/deal_snapshot?provider_id=f01234               | Query parameter 'page_size' is"
            + " required",
        "/v2/deals/deal_snapshot?page_size=0&provider_id=f01234   | lower than the required"
            + " minimum",
        "/v2/deals/deal_snapshot?page_size=2000&provider_id=f01234| greater than the required"
            + " maximum",
        "/v2/gas/network_base_fee?start_hour=2022-07-01T00:30:00Z | does not match input string"
      })
  void requestThatBreaksTheSpecGets30002WithTheValidatorsReason(
      String target, String reason, SpaceScopeFake fake) {
    HttpResponse<byte[]> response = RawHttp.get(fake, target);
    JsonNode body = RawHttp.json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("code").asInt()).isEqualTo(30002);
    assertThat(body.get("message").asText()).contains(reason);
    assertThat(fake.invalidRequests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.matched()).isTrue();
              assertThat(r.valid()).isFalse();
              assertThat(r.violations()).anySatisfy(v -> assertThat(v).contains(reason));
              assertThat(r.code()).isEqualTo(30002);
            });
  }

  @Test
  void unknownPathGets404WithTheValidatorsReasonAndIsUnmatched(SpaceScopeFake fake) {
    HttpResponse<byte[]> response = RawHttp.get(fake, "/v2/power/network_storage_capacityy");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(RawHttp.json(response).get("message").asText()).contains("No API path found");
    assertThat(fake.invalidRequests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.matched()).isFalse();
              assertThat(r.operationId()).isNull();
            });
  }

  @Test
  void otherMethodOnAKnownPathGets405(SpaceScopeFake fake) {
    HttpResponse<byte[]> response =
        RawHttp.send(
            "POST", fake.baseUrl(), "/v2/power/network_storage_capacity", "Bearer " + fake.token());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(RawHttp.json(response).get("message").asText())
        .contains("POST operation not allowed");
  }

  @Test
  void requestThatMatchesTheSpecIsRecordedAsValid(SpaceScopeFake fake) {
    RawHttp.get(
        fake, "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-02");

    assertThat(fake.invalidRequests()).isEmpty();
    assertThat(fake.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.operationId()).isEqualTo("Power_networkStorageCapacity");
              assertThat(r.queryParameter("end_date")).isEqualTo("2022-07-02");
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.code()).isZero();
              assertThat(r.requestLine())
                  .isEqualTo(
                      "GET /v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-02");
            });
  }

  @Test
  void invalidRequestWithoutTokenGets401FirstButIsStillRecordedAsInvalid(SpaceScopeFake fake) {
    HttpResponse<byte[]> response =
        RawHttp.get(fake.baseUrl(), "/v2/power/network_storage_capacity?x=1", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(fake.invalidRequests()).hasSize(1);
  }

  @Test
  void recordedRequestsNeverHoldTheToken(SpaceScopeFake fake) {
    RawHttp.get(fake, "/v2/power/network_storage_capacity?x=1");

    assertThat(fake.requests()).singleElement().asString().doesNotContain(fake.token());
  }
}
