package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.UnexpectedResponseException;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API does not redirect, so the client follows no redirect at all (decision D16): the token
 * goes to the base URL's origin and nowhere else, not to another host, not over plain http.
 */
class RedirectTest {
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherOriginIsNotFollowedAndTheTokenStaysHome(int status) throws Exception {
    try (TinyServer elsewhere =
            new TinyServer(r -> TinyServer.json(Clients.capacityRows("2024-06-01")));
        TinyServer api =
            new TinyServer(
                r ->
                    new TinyServer.Full(
                        status, Map.of("Location", elsewhere.baseUrl() + r.target()), ""));
        SpaceScope client = Clients.against(api).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class,
              e -> {
                assertThat(e.httpStatus()).hasValue(status);
                assertThat(e.getMessage())
                    .contains("redirect")
                    .contains(elsewhere.baseUrl())
                    .contains("check baseUrl");
              });
      assertThat(api.received())
          .singleElement()
          .satisfies(
              r -> assertThat(r.header("authorization")).isEqualTo("Bearer " + Clients.TINY_TOKEN));
      assertThat(elsewhere.received()).isEmpty();
    }
  }

  @Test
  void aRedirectToTheSameOriginIsNotFollowedEither() throws Exception {
    try (TinyServer api =
            new TinyServer(
                r ->
                    r.target().startsWith("/moved")
                        ? TinyServer.json(Clients.capacityRows("2024-06-01"))
                        : new TinyServer.Full(302, Map.of("Location", "/moved" + r.target()), ""));
        SpaceScope client = Clients.against(api).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOf(UnexpectedResponseException.class);
      assertThat(api.received()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = HttpClient.Redirect.class,
      names = {"NORMAL", "ALWAYS"})
  void anHttpClientThatFollowsRedirectsIsRefused(HttpClient.Redirect redirect) {
    HttpClient following = HttpClient.newBuilder().followRedirects(redirect).build();

    assertThatThrownBy(() -> SpaceScope.builder().token("a-token").httpClient(following).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.parameter()).isEqualTo("httpClient");
                          assertThat(v.accepted()).contains("Redirect.NEVER");
                        }));
  }
}
