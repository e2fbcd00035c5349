package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.generated.conformance.Spec.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The spec describes every documented endpoint: path, parameters, response fields, shape. */
@Checks("the spec describes every documented endpoint: path, parameters, response fields, shape")
class SpecMatchesCatalogTest {
  static final Set<String> SHAPES =
      Set.of("day-range", "hourly-range", "state-day", "paged-search");
  static final Set<String> RANGED_SHAPES = Set.of("day-range", "hourly-range");

  private final Spec spec = Spec.load();

  static Stream<CatalogEndpoint> endpoints() {
    return ApiDocs.endpoints();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void describesEveryDocumentedParameterAndField(CatalogEndpoint endpoint) {
    ApiDocs docs = ApiDocs.require();
    List<String> misses = new ArrayList<>();
    Optional<Operation> found = spec.get(endpoint.path());
    assertThat(found).as("spec has GET %s", endpoint.path()).isPresent();
    Operation operation = found.get();

    List<String> parameters = spec.parameterNames(operation);
    List<String> tableOnly = spec.docsTableParameters(operation);
    for (String param : endpoint.params()) {
      if (!parameters.contains(param) && !tableOnly.contains(param)) {
        misses.add(
            "parameter "
                + param
                + " is neither a parameter "
                + parameters
                + " nor listed in x-docs-table-parameters "
                + tableOnly);
      }
    }

    JsonNode row = spec.rowSchema(operation);
    if (!row.isObject()) {
      misses.add(
          "the 200 response does not lead to a row schema (response $ref -> schema"
              + " -> allOf -> data.items.$ref)");
    } else {
      Set<String> properties = spec.rowProperties(operation);
      Set<String> fields = new LinkedHashSet<>(endpoint.fields());
      for (String field : fields) {
        if (!properties.contains(field)) {
          misses.add("catalog field " + field + " is not a property of the row schema");
        }
      }
      for (String field : exampleRowFields(docs, endpoint)) {
        if (!properties.contains(field)) {
          misses.add("example field " + field + " is not a property of the row schema");
        }
      }
    }
    assertThat(misses).as("what the spec lacks for %s", endpoint.path()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void declaresTheShapeAndTheDocumentedWindow(CatalogEndpoint endpoint) {
    ApiDocs.require();
    List<String> misses = new ArrayList<>();
    Operation operation =
        spec.get(endpoint.path())
            .orElseThrow(() -> new AssertionError("spec has no GET " + endpoint.path()));
    String shape = operation.node().path("x-shape").asText(null);
    if (!SHAPES.contains(shape)) {
      misses.add("x-shape is " + shape + ", not one of " + SHAPES);
    } else if (!shape.equals(endpoint.shape())) {
      misses.add("x-shape is " + shape + " but the catalog says " + endpoint.shape());
    }
    JsonNode window = operation.node().path("x-max-window-days");
    if (RANGED_SHAPES.contains(shape)) {
      if (!window.isIntegralNumber() || window.longValue() <= 0) {
        misses.add(
            "a "
                + shape
                + " operation needs a positive integer x-max-window-days, has "
                + (window.isMissingNode() ? "none" : window.toString()));
      } else if (endpoint.windowLimitDaysInDoc() != null
          && window.longValue() != endpoint.windowLimitDaysInDoc()) {
        misses.add(
            "x-max-window-days is "
                + window
                + " but the docs say "
                + endpoint.windowLimitDaysInDoc());
      }
    }
    assertThat(misses).as("what the spec gets wrong for %s", endpoint.path()).isEmpty();
  }

  static Stream<CatalogEndpoint> endpointsWhoseDocsDisagree() {
    return ApiDocs.endpoints().filter(e -> e.isPlaceholder() || !e.docsDisagree().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWhoseDocsDisagree")
  void recordsADecisionWhereTheDocsDisagree(CatalogEndpoint endpoint) throws IOException {
    ApiDocs.require();
    String decisions = Files.readString(ProjectFiles.decisions(), StandardCharsets.UTF_8);
    assertThat(decisions)
        .as(
            "docs/decisions.md mentions `%s`, whose docs disagree: %s",
            endpoint.path(), endpoint.docsDisagree())
        .contains("`" + endpoint.path() + "`");
  }

  @Test
  void hasExactlyOneOperationPerDocumentedEndpoint() {
    List<CatalogEndpoint> catalog = ApiDocs.require().all();
    List<String> operations =
        spec.operations().stream()
            .map(o -> o.method().toUpperCase(Locale.ROOT) + " " + o.path())
            .toList();
    List<String> undocumented =
        operations.stream()
            .filter(o -> catalog.stream().noneMatch(e -> o.equals("GET " + e.path())))
            .toList();
    assertThat(undocumented).as("operations that match no catalog endpoint").isEmpty();
    assertThat(catalog).as("catalog endpoints").hasSize(78);
    assertThat(operations).as("spec operations").hasSize(78);
    assertThat(spec.operations().stream().map(Operation::operationId).distinct())
        .as("distinct operationIds")
        .hasSize(78);
  }

  private static Set<String> exampleRowFields(ApiDocs docs, CatalogEndpoint endpoint) {
    JsonNode example = ExactJson.parse(docs.exampleBytes(endpoint));
    Set<String> names = new LinkedHashSet<>();
    example.path("data").forEach(row -> row.fieldNames().forEachRemaining(names::add));
    return names;
  }
}
