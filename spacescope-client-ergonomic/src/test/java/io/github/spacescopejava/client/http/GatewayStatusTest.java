package io.github.spacescopejava.client.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statuses that only a gateway in front of the API sends, which the testkit does not model: plain
 * WireMock stubs stand in for the gateway.
 */
class GatewayStatusTest {
  private static final String PATH = "/v2/power/network_storage_capacity";
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));

  private WireMockServer gateway;

  @BeforeEach
  void start() {
    gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort().jettyAcceptors(1));
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop();
  }

  private SpaceScope client() {
    return SpaceScope.builder()
        .baseUrl(gateway.baseUrl())
        .token("gateway-test-token")
        .clock(Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC))
        .retryPolicy(Clients.FAST_RETRIES)
        .build();
  }

  @Test
  void http400FromAGatewayIsAnInvalidRequestAndNotRetried() {
    gateway.stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>400 Bad Request</h1></body></html>")));

    try (SpaceScope client = client()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertThat(e.httpStatus()).hasValue(400);
                assertThat(e.apiCode()).isEmpty();
                assertThat(e.getMessage()).contains("HTTP 400").contains("400 Bad Request");
              });
    }
    gateway.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void http503WithAnEmptyBodyIsRetriedThenAServerException() {
    gateway.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

    try (SpaceScope client = client()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> {
                assertThat(e.httpStatus()).hasValue(503);
                assertThat(e.getMessage()).contains("empty body");
              });
    }
    gateway.verify(3, getRequestedFor(urlPathEqualTo(PATH)));
  }
}
