package io.github.spacescopejava.generated.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One endpoint of the reference catalog ({@code catalog.json}), as far as the tests need it. */
record CatalogEndpoint(
    String path,
    String shape,
    List<String> params,
    List<String> fields,
    List<String> exampleUrls,
    String example,
    Integer windowLimitDaysInDoc,
    List<String> docsDisagree) {

  static CatalogEndpoint of(JsonNode node) {
    JsonNode window = node.path("window_limit_days_in_doc");
    return new CatalogEndpoint(
        node.path("path").asText(),
        node.path("shape").asText(),
        names(node.path("params")),
        names(node.path("fields")),
        texts(node.path("example_urls")),
        node.path("example").asText(),
        window.isIntegralNumber() ? Integer.valueOf(window.intValue()) : null,
        texts(node.path("docs_disagree")));
  }

  /** Stands for the whole catalog where it is absent; its test aborts before reading it. */
  static CatalogEndpoint absent(Path looked) {
    return new CatalogEndpoint(
        "(reference data absent: " + looked + ")",
        "",
        List.of(),
        List.of(),
        List.of(),
        "",
        null,
        List.of());
  }

  boolean isPlaceholder() {
    return path.startsWith("(");
  }

  /** The first documented request URL: the one the round trip replays. */
  String firstExampleUrl() {
    return exampleUrls.get(0);
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(item -> names.add(item.path("name").asText()));
    return List.copyOf(names);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return List.copyOf(texts);
  }

  /** The path alone, so that each parameterized case is named after its endpoint. */
  @Override
  public String toString() {
    return path;
  }
}
