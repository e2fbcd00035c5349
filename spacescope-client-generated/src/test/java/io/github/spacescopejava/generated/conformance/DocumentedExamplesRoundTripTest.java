package io.github.spacescopejava.generated.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.conformance.Spec.Operation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented example, served by a stub, goes through the generated Feign method and the
 * shared mapper and comes back out as the same JSON; the request sent is the documented one.
 */
@Checks(
    "every documented example goes through the generated Feign method and comes back as the same JSON")
class DocumentedExamplesRoundTripTest {
  /** A made-up token: never a real one, and never printed. */
  static final String TOKEN = "test-token-not-secret";

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Spec spec = Spec.load();

  static Stream<CatalogEndpoint> endpoints() {
    return ApiDocs.endpoints();
  }

  @BeforeEach
  void forgetEarlierStubsAndRequests() {
    SERVER.resetAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void roundTripsEveryDocumentedExample(CatalogEndpoint endpoint) throws JsonProcessingException {
    byte[] example = ApiDocs.require().exampleBytes(endpoint);

    Object response = callWithExample(endpoint, example);

    byte[] reEncoded = SpaceScopeJson.newObjectMapper().writeValueAsBytes(response);
    ExactJson.assertSameJson(
        "the re-encoded example of " + endpoint.path(),
        ExactJson.parse(example),
        ExactJson.parse(reEncoded));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void sendsTheDocumentedRequestWithTheBearerToken(CatalogEndpoint endpoint) {
    callWithExample(endpoint, ApiDocs.require().exampleBytes(endpoint));

    List<LoggedRequest> requests = SERVER.findAll(getRequestedFor(urlPathEqualTo(endpoint.path())));
    assertThat(requests).as("GET requests to %s", endpoint.path()).hasSize(1);
    LoggedRequest request = requests.get(0);
    String documented = endpoint.firstExampleUrl();
    assertThat(Query.path(request.getUrl())).as("path").isEqualTo(Query.path(documented));
    assertThat(Query.of(request.getUrl()))
        .as("query parameters sent, against the documented %s", documented)
        .isEqualTo(Query.of(documented));
    // Compared without showing the value: a token never goes into a report.
    assertThat(("Bearer " + TOKEN).equals(request.getHeader("authorization")))
        .as("the authorization header is 'Bearer ' followed by the token passed (value not shown)")
        .isTrue();
  }

  private Object callWithExample(CatalogEndpoint endpoint, byte[] example) {
    Operation operation =
        spec.get(endpoint.path())
            .orElseThrow(() -> new AssertionError("spec has no GET " + endpoint.path()));
    SERVER.stubFor(
        get(urlPathEqualTo(endpoint.path()))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/json").withBody(example)));
    return GeneratedOperation.of(spec, operation)
        .call(SERVER.baseUrl(), TOKEN, endpoint.firstExampleUrl());
  }
}
