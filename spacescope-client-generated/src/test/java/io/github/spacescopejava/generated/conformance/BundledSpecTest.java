package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code target/spec/spacescope-bundled.json}, written by the build (BundleSpecWithExamples,
 * docs/decisions.md D22): each operation's 200 response carries the docs' example, byte-for-value
 * equal to the reference data, and apart from those examples the bundle is the spec.
 */
class BundledSpecTest {
  private static final Path BUNDLE = Path.of("target/spec/spacescope-bundled.json");
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static JsonNode bundle() throws IOException {
    ApiDocs.require(); // without the reference data the build writes no bundle
    assertThat(BUNDLE)
        .as("written by the exec-maven-plugin step in process-test-classes")
        .isRegularFile();
    return ExactJson.parse(Files.readAllBytes(BUNDLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.spacescopejava.generated.conformance.ApiDocs#endpoints")
  void the200ExampleIsTheDocumentedExample(CatalogEndpoint endpoint) throws IOException {
    ApiDocs docs = ApiDocs.require();
    JsonNode bundle = bundle();
    JsonNode expected = ExactJson.parse(docs.exampleBytes(endpoint));

    JsonNode example =
        okResponse(bundle, endpoint.path())
            .path("content")
            .path("application/json")
            .path("example");

    assertThat(example.isMissingNode()).as(endpoint.path() + " has an example").isFalse();
    ExactJson.assertSameJson(endpoint.path(), expected, example);
    assertThat(example.get("code").asInt()).isZero();
  }

  @Test
  void withoutTheExamplesTheBundleIsTheSpec() throws IOException {
    JsonNode bundle = bundle();
    ObjectNode stripped = bundle.deepCopy();
    List<String> inlined = new ArrayList<>();
    stripped
        .path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              JsonNode ok = p.getValue().path("get").path("responses").path("200");
              if (!ok.has("$ref")) {
                inlined.add(p.getKey());
              }
            });
    JsonNode spec = YAML.readTree(ProjectFiles.spec().toFile());
    List<String> specExamples = new ArrayList<>();
    examples(spec, "", specExamples);
    List<String> bundleExamples = new ArrayList<>();
    examples(bundle, "", bundleExamples);

    assertThat(inlined).as("no response needed inlining: each operation has its own").isEmpty();
    assertThat(bundleExamples).as("the spec's own examples are kept").containsAll(specExamples);
    ExactJson.assertSameJson(
        "the bundle without its examples", withoutExamples(spec), withoutExamples(stripped));
  }

  @Test
  void rowFieldsCarryTheirValueInTheDocumentedExample() throws IOException {
    JsonNode bundle = bundle();
    JsonNode row =
        bundle.at("/components/schemas/V1QuickStartNetworkStorageCapacityRow/properties");
    JsonNode documented =
        okResponse(bundle, "/v1/network_core/network_storage_capacity")
            .at("/content/application~1json/example/data/0");

    assertThat(documented.isObject()).isTrue();
    documented
        .fields()
        .forEachRemaining(
            f ->
                ExactJson.assertSameJson(
                    f.getKey(), f.getValue(), row.path(f.getKey()).path("example")));
  }

  /** Every {@code example} in the tree, as "json pointer = value". */
  private static void examples(JsonNode node, String at, List<String> found) {
    if (node.isObject()) {
      boolean propertyMap = at.endsWith("/properties");
      node.fields()
          .forEachRemaining(
              e -> {
                if (!propertyMap && e.getKey().equals("example")) {
                  found.add(at + " = " + e.getValue());
                } else {
                  examples(e.getValue(), at + "/" + e.getKey(), found);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        examples(node.get(i), at + "/" + i, found);
      }
    }
  }

  /** A copy without any {@code example} (a property named "example" is kept). */
  private static JsonNode withoutExamples(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy, false);
    return copy;
  }

  private static void strip(JsonNode node, boolean propertyMap) {
    if (node instanceof ObjectNode o) {
      if (!propertyMap) {
        o.remove("example");
      }
      o.fields().forEachRemaining(e -> strip(e.getValue(), e.getKey().equals("properties")));
    } else if (node.isArray()) {
      node.forEach(n -> strip(n, false));
    }
  }

  private static JsonNode okResponse(JsonNode bundle, String path) {
    JsonNode ok = bundle.path("paths").path(path).path("get").path("responses").path("200");
    String ref = ok.path("$ref").asText("");
    return ref.isEmpty()
        ? ok
        : bundle.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
