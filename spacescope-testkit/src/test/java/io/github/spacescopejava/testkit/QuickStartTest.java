package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The API guide's quick-start request, verbatim but for the host, against the fake. */
@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z")
class QuickStartTest {

  @Test
  void guidesQuickStartRequestGetsOneRowForTheFirstOfJuly(SpaceScopeFake fake) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    fake.baseUrl()
                        + "/v1/network_core/network_storage_capacity?end_date=2022-07-01&start_date=2022-07-01"))
            .header("authorization", "Bearer ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe")
            .GET()
            .build();

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode envelope = RawHttp.json(response);
    assertThat(envelope.get("code").asInt()).isZero();
    assertThat(envelope.get("message").asText()).isEqualTo("success.");
    assertThat(envelope.get("request_id").asText()).isNotBlank();
    assertThat(envelope.get("data"))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("stat_date").asText()).isEqualTo("2022-07-01T00:00:00Z");
              assertThat(row.get("total_qa_bytes_power").bigIntegerValue())
                  .isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
            });
  }
}
