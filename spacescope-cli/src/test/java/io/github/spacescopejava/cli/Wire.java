package io.github.spacescopejava.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What the fake sends on the wire, read without the client: the ground truth of "exact". */
final class Wire {
  /** Numbers as BigDecimal with the scale they were written with. */
  static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Wire() {}

  static String body(SpaceScopeFake fake, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
            .header("Authorization", "Bearer " + fake.token())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The rows of {@code data} of one answer. */
  static List<JsonNode> rows(SpaceScopeFake fake, String pathAndQuery)
      throws IOException, InterruptedException {
    JsonNode root = EXACT.readTree(body(fake, pathAndQuery));
    if (root.path("code").asInt(-1) != 0) {
      throw new AssertionError("the fake answered " + root);
    }
    List<JsonNode> rows = new ArrayList<>();
    root.get("data").forEach(rows::add);
    return rows;
  }

  static List<JsonNode> ndjson(String text) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        rows.add(EXACT.readTree(line));
      }
    }
    return rows;
  }
}
