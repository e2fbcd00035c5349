package io.github.spacescopejava.generated.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.api.V1NetworkCoreApi;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The original guide's quick start, replayed against the generated client. */
@Checks("the guide's quick start, replayed against the generated client")
class QuickStartGuideTest {
  static final String PATH = "/v1/network_core/network_storage_capacity";
  static final String GUIDE_URL = PATH + "?end_date=2022-07-01&start_date=2022-07-01";
  static final String TOKEN = "test-token-not-secret";
  static final LocalDate DAY = LocalDate.of(2022, 7, 1);

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private byte[] example;

  @BeforeEach
  void serveTheDocumentedExample() {
    ApiDocs docs = ApiDocs.require();
    example = docs.exampleBytes(docs.endpoint(PATH));
    SERVER.resetAll();
    SERVER.stubFor(
        get(urlPathEqualTo(PATH))
            .withQueryParam("start_date", equalTo("2022-07-01"))
            .withQueryParam("end_date", equalTo("2022-07-01"))
            .withHeader("authorization", equalTo("Bearer " + TOKEN))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(example)));
  }

  @Test
  void sendsTheGuidesRequestWithTheBearerToken() {
    client().networkStorageCapacity(DAY, DAY);

    List<LoggedRequest> requests = SERVER.findAll(getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(requests).hasSize(1);
    assertThat(Query.of(requests.get(0).getUrl())).isEqualTo(Query.of(GUIDE_URL));
    assertThat(("Bearer " + TOKEN).equals(requests.get(0).getHeader("authorization")))
        .as("the authorization header is 'Bearer ' followed by the token passed (value not shown)")
        .isTrue();
  }

  @Test
  void decodesTheGuidesAnswerWithEveryDigit() throws Exception {
    var response = client().networkStorageCapacity(DAY, DAY);

    assertThat(response.getCode()).isZero();
    assertThat(response.getData()).hasSize(1);
    var row = response.getData().get(0);
    assertThat(row.getStatDate())
        .isEqualTo(OffsetDateTime.of(2022, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertThat(row.getStatDate()).hasToString("2022-07-01T00:00Z");
    // Beyond Long.MAX_VALUE (9223372036854775807): survives only as an exact decimal.
    assertThat(row.getTotalQaBytesPower()).isEqualTo(new BigDecimal("20431876696867700000"));

    JsonNode documented = ExactJson.parse(example).path("data").path(0);
    int numbers = 0;
    for (Map.Entry<String, JsonNode> field : documented.properties()) {
      if (field.getValue().isNumber()) {
        Method getter = row.getClass().getMethod(getterOf(field.getKey()));
        assertThat(getter.invoke(row))
            .as(field.getKey())
            .isEqualTo(new BigDecimal(field.getValue().asText()));
        numbers++;
      }
    }
    assertThat(numbers).as("numeric fields in the documented row").isEqualTo(5);
  }

  private static V1NetworkCoreApi client() {
    return GeneratedClients.create(V1NetworkCoreApi.class, SERVER.baseUrl(), TOKEN);
  }

  private static String getterOf(String field) {
    String camel = GeneratedOperation.camelCase(field);
    return "get" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }
}
