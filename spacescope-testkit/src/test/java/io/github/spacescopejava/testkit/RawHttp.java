package io.github.spacescopejava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Plain {@code java.net.http} calls, for what the generated client cannot express. */
final class RawHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = SpaceScopeJson.newObjectMapper();

  private RawHttp() {}

  /** GET {@code baseUrl + target} with {@code authorization} (none when null). */
  static HttpResponse<byte[]> get(String baseUrl, String target, @Nullable String authorization) {
    return send("GET", baseUrl, target, authorization);
  }

  static HttpResponse<byte[]> send(
      String method, String baseUrl, String target, @Nullable String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + target))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("authorization", authorization);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET with the fake's valid token. */
  static HttpResponse<byte[]> get(SpaceScopeFake fake, String target) {
    return get(fake.baseUrl(), target, "Bearer " + fake.token());
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }
}
