package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documented answers are the {@code example} of each operation's 200 response in {@code
 * spec/spacescope.yaml} itself (docs/decisions.md, D45): the spec is complete without anything
 * beside the checkout, and these tests check it against the public reference data where that is
 * present. An operation without an example is allowed (one SpaceScope has just published has none);
 * an example that is there must be a well-formed success envelope.
 */
@Checks("each operation's 200 example in the spec equals the documented answer, number for number")
class SpecExamplesTest {
  /** Floats as BigDecimal and big integers as BigInteger, so the comparison sees every digit. */
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static JsonNode spec;

  private static synchronized JsonNode spec() {
    if (spec == null) {
      try {
        spec = YAML.readTree(ProjectFiles.spec().toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spec;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.spacescopejava.generated.conformance.ApiDocs#endpoints")
  void the200ExampleIsTheDocumentedExample(CatalogEndpoint endpoint) {
    ApiDocs docs = ApiDocs.require();
    JsonNode expected = ExactJson.parse(docs.exampleBytes(endpoint));

    JsonNode example = example(spec(), endpoint.path());

    assertThat(example.isMissingNode()).as(endpoint.path() + " has an example").isFalse();
    ExactJson.assertSameJson(endpoint.path(), expected, example);
  }

  @Test
  void everyExampleInTheSpecIsASuccessEnvelopeWhoseRowsCarryTheirDateField() {
    List<String> problems = new ArrayList<>();
    int seen = 0;
    for (Map.Entry<String, JsonNode> p : spec().path("paths").properties()) {
      JsonNode example = example(spec(), p.getKey());
      if (example.isMissingNode()) {
        continue;
      }
      seen++;
      String dateField = p.getValue().path("get").path("x-row-date-field").asText("");
      if (example.path("code").asInt(-1) != 0
          || !example.path("request_id").isTextual()
          || !example.path("message").isTextual()
          || !example.path("data").isArray()) {
        problems.add(p.getKey() + ": not a success envelope");
      }
      for (JsonNode row : example.path("data")) {
        if (!dateField.isEmpty() && !row.path(dateField).isTextual()) {
          problems.add(p.getKey() + ": a row without its date field " + dateField);
        }
      }
    }
    assertThat(seen).as("operations with an example").isPositive();
    assertThat(problems).isEmpty();
  }

  @Test
  void rowFieldsCarryTheValueOfTheQuickStartAnswer() {
    JsonNode row =
        spec().at("/components/schemas/V1QuickStartNetworkStorageCapacityRow/properties");
    JsonNode documented =
        example(spec(), "/v1/network_core/network_storage_capacity").at("/data/0");

    assertThat(documented.isObject()).isTrue();
    assertThat(documented.size()).isGreaterThan(1);
    for (Map.Entry<String, JsonNode> f : documented.properties()) {
      ExactJson.assertSameJson(f.getKey(), f.getValue(), row.path(f.getKey()).path("example"));
    }
  }

  /** The {@code example} of an operation's 200 response, following a {@code $ref}. */
  static JsonNode example(JsonNode spec, String path) {
    JsonNode ok = spec.path("paths").path(path).path("get").path("responses").path("200");
    String ref = ok.path("$ref").asText("");
    JsonNode response =
        ref.isEmpty()
            ? ok
            : spec.path("components")
                .path("responses")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
    return response.path("content").path("application/json").path("example");
  }
}
