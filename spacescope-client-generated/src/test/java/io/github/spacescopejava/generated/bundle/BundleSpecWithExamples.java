package io.github.spacescopejava.generated.bundle;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build step (run by exec-maven-plugin in {@code process-test-classes}): writes {@code
 * target/spec/spacescope-bundled.json}, the spec with each operation's documented response example
 * (from the public reference data beside the checkout, {@code ../shared/spacescope-api}) as the
 * {@code example} of its 200 response, and each row field's value in that example as the field's
 * {@code example}, so that OpenAPI mocks and other tools answer with the documented rows.
 *
 * <p>The examples are not copied into the repository (docs/decisions.md, D22): the bundle exists
 * only under {@code target/}, and {@code BundledSpecTest} checks that its examples equal the docs'
 * and that it is the spec otherwise unchanged. Where the reference data is absent the step writes
 * nothing and says so, unless it is required ({@code CI=true} or the fourth argument): then it
 * fails the build.
 *
 * <p>Arguments: the spec, the reference data folder, the output file, whether the data is required.
 */
public final class BundleSpecWithExamples {
  /** Floats as BigDecimal and big integers as BigInteger: no digit of an example is lost. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private BundleSpecWithExamples() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: BundleSpecWithExamples <spec.yaml> <reference data folder> <output.yaml>"
              + " [required]");
    }
    Path spec = Path.of(args[0]);
    Path docs = Path.of(args[1]);
    Path out = Path.of(args[2]);
    boolean required =
        (args.length > 3 && Boolean.parseBoolean(args[3]))
            || "true".equalsIgnoreCase(System.getenv("CI"));
    Path catalog = docs.resolve("catalog.json");
    if (!Files.isRegularFile(catalog)) {
      String reason =
          "the API reference data is not at "
              + docs
              + " (no catalog.json): "
              + out.getFileName()
              + " is not written";
      if (required) {
        throw new IllegalStateException(reason);
      }
      System.err.println("[spacescope bundle] SKIPPED: " + reason);
      Files.deleteIfExists(out);
      return;
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, bundle(Files.readString(spec), docs));
    System.out.println("[spacescope bundle] wrote " + out);
  }

  /**
   * The spec with the documented examples embedded, as JSON: every OpenAPI tool reads it, and JSON
   * carries no YAML typing surprises (a date read as a timestamp, a number-like string).
   */
  public static String bundle(String specYaml, Path docs) throws IOException {
    ObjectNode spec = (ObjectNode) YAML.readTree(specYaml);
    embed(spec, examples(docs));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
  }

  /** The documented example envelope of every catalog endpoint, by path. */
  static Map<String, JsonNode> examples(Path docs) throws IOException {
    Map<String, JsonNode> byPath = new LinkedHashMap<>();
    for (JsonNode endpoint :
        JSON.readTree(docs.resolve("catalog.json").toFile()).path("endpoints")) {
      String file = endpoint.path("example").asText("");
      if (!file.isEmpty()) {
        byPath.put(
            endpoint.path("path").asText(), JSON.readTree(docs.resolve(file).normalize().toFile()));
      }
    }
    return byPath;
  }

  /**
   * Sets each operation's documented example on its 200 response: on the shared response component
   * it refers to, or, where two operations share one component, on a copy inlined in the operation.
   */
  static void embed(ObjectNode spec, Map<String, JsonNode> examples) {
    ObjectNode responses = (ObjectNode) spec.path("components").path("responses");
    Map<String, Integer> uses = new HashMap<>();
    List<String> missing = new ArrayList<>();
    spec.path("paths")
        .properties()
        .iterator()
        .forEachRemaining(
            p -> {
              String ref =
                  p.getValue().path("get").path("responses").path("200").path("$ref").asText("");
              uses.merge(ref, 1, Integer::sum);
            });
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode example = examples.get(p.getKey());
      if (example == null) {
        missing.add(p.getKey());
        continue;
      }
      ObjectNode ok = (ObjectNode) p.getValue().path("get").path("responses");
      String ref = ok.path("200").path("$ref").asText("");
      ObjectNode response;
      if (ref.isEmpty()) {
        response = (ObjectNode) ok.path("200");
      } else if (uses.get(ref) == 1) {
        response = (ObjectNode) responses.path(ref.substring(ref.lastIndexOf('/') + 1));
      } else {
        response = responses.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy();
        ok.set("200", response);
      }
      ObjectNode json = (ObjectNode) response.path("content").path("application/json");
      if (json.isMissingNode() || !json.isObject()) {
        throw new IllegalStateException(p.getKey() + ": the 200 response has no application/json");
      }
      json.set("example", example);
      describeRowFields(spec, json.path("schema"), example.path("data").path(0));
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the reference data has no example for " + missing);
    }
  }

  /**
   * Gives each property of the operation's row schema the value of the same field in the documented
   * example's first row as its {@code example}, unless the spec gives one. Properties the example
   * lacks (the docs' table-only names, D2) keep none.
   */
  static void describeRowFields(ObjectNode spec, JsonNode envelopeSchema, JsonNode firstRow) {
    if (!firstRow.isObject()) {
      return;
    }
    JsonNode schemas = spec.path("components").path("schemas");
    JsonNode envelope = resolve(schemas, envelopeSchema);
    JsonNode items = null;
    for (JsonNode part : envelope.path("allOf")) {
      JsonNode data = resolve(schemas, part).path("properties").path("data");
      if (data.has("items")) {
        items = data.path("items");
      }
    }
    if (items == null) {
      return;
    }
    JsonNode properties = resolve(schemas, items).path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      JsonNode value = firstRow.get(property.getKey());
      if (value != null
          && !value.isNull()
          && property.getValue() instanceof ObjectNode schema
          && !schema.has("$ref")
          && !schema.has("example")) {
        schema.set("example", value);
      }
    }
  }

  private static JsonNode resolve(JsonNode schemas, JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
