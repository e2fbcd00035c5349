package io.github.spacescopejava.generated.redirect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.FeignException;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.api.PowerApi;
import java.time.LocalDate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The low-level client never follows a redirect, so the bearer token cannot travel to another
 * origin (Feign's default options would follow it, header included).
 */
class RedirectTest {
  @RegisterExtension
  static final WireMockExtension API =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static final WireMockExtension ELSEWHERE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherOriginIsNotFollowed(int status) {
    ELSEWHERE.stubFor(
        any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"code\":0,\"data\":[]}")));
    API.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Location", "http://localhost:" + ELSEWHERE.getPort() + "/v2/x")));
    PowerApi power = GeneratedClients.create(PowerApi.class, API.baseUrl(), "redirect-test-token");
    LocalDate day = LocalDate.of(2022, 7, 1);

    assertThatThrownBy(() -> power.networkStorageCapacity(day, day))
        .isInstanceOfSatisfying(
            FeignException.class, e -> assertThat(e.status()).isEqualTo(status));
    assertThat(API.getAllServeEvents()).hasSize(1);
    assertThat(ELSEWHERE.getAllServeEvents()).isEmpty();
  }
}
