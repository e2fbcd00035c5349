package io.github.spacescopejava.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the benchmarks share: servers on loopback, the answers they serve, and what a user would
 * write instead of the ergonomic client (the JDK HttpClient and a mapper).
 */
final class Loopback {
  /** The clock both sides agree on: the fake's default, so 2024-12-30 is the latest day. */
  static final Clock CLOCK = Clock.fixed(SpaceScopeFake.DEFAULT_CLOCK, ZoneOffset.UTC);

  static final String TOKEN = SpaceScopeFake.GUIDE_TOKEN;

  private Loopback() {}

  /** The HTTP client of the hand-written baselines: HTTP/1.1, as the ergonomic client speaks. */
  static HttpClient httpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  /** GET {@code baseUrl + pathAndQuery} with the bearer token; the body, or an error on non-200. */
  static byte[] fetch(HttpClient http, String baseUrl, String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .header("authorization", "Bearer " + TOKEN)
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "HTTP " + response.statusCode() + " from " + pathAndQuery + " on " + baseUrl);
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a hand-written client checks: the envelope's code is 0 and data is an array. */
  static JsonNode dataOf(ObjectMapper mapper, byte[] body) throws IOException {
    JsonNode root = mapper.readTree(body);
    if (root.path("code").asInt(-1) != 0 || !root.path("data").isArray()) {
      throw new IllegalStateException("not a successful envelope");
    }
    return root.get("data");
  }

  /** The fake's answer to {@code pathAndQuery}, from a fake started and stopped for it. */
  static byte[] fakeAnswer(String pathAndQuery) {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
      return fetch(httpClient(), fake.baseUrl(), pathAndQuery);
    }
  }

  /** What a hand-written client decodes: the envelope into the model, code 0 checked. */
  static List<NetworkStorageCapacityRow> capacityRows(ObjectMapper mapper, byte[] body)
      throws IOException {
    NetworkStorageCapacity envelope = mapper.readValue(body, NetworkStorageCapacity.class);
    if (envelope.getCode() == null || envelope.getCode() != 0) {
      throw new IllegalStateException("code " + envelope.getCode());
    }
    return envelope.getData();
  }

  /** Plain WireMock serving {@code body} for every GET of {@code path}, whatever the query. */
  static WireMockServer wireMockServing(String path, byte[] body) {
    WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(0));
    server.start();
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(ok().withHeader("Content-Type", "application/json").withBody(body)));
    return server;
  }

  static String baseUrl(WireMockServer server) {
    return "http://127.0.0.1:" + server.port();
  }

  /** The ergonomic client as users build it, against {@code baseUrl}, on the shared clock. */
  static SpaceScope ergonomic(String baseUrl, int maxConcurrentRequests) {
    return SpaceScope.builder()
        .token(TOKEN)
        .baseUrl(baseUrl)
        .clock(CLOCK)
        .maxConcurrentRequests(maxConcurrentRequests)
        .build();
  }
}
