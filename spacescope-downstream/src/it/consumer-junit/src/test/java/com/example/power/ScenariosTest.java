package com.example.power;

import static org.assertj.core.api.Assertions.assertThat;

// tag::scenarios[]
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import java.time.Duration;
// end::scenarios[]

import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z")
class ScenariosTest {
  @Test
  void theReadmeScenariosAreAcceptedAndTheFirstOneApplies(SpaceScopeFake fake) throws Exception {
    // tag::scenarios[]
    fake.given(Scenario.on("/v2/power/network_storage_capacity").once(Fault.errorCode(30003)));
    fake.given(Scenario.on("Gas_networkBaseFee").times(2, Fault.connectionReset()));
    fake.given(Scenario.onEveryOperation().always(Fault.latency(Duration.ofMillis(200))));
    fake.given(Scenario.quotaExhaustedAfter(100));
    fake.given(Scenario.notReadyThenReady("/v2/power/network_storage_capacity", 2));
    // end::scenarios[]

    HttpResponse<String> first =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            fake.baseUrl()
                                + "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-01"))
                    .header("authorization", "Bearer " + fake.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(first.body()).contains("\"code\":30003");
    assertThat(fake.requests()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(30003));
  }
}
