package io.github.spacescopejava.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The operations of the spec the client was generated from ({@code spacescope.yaml}, bundled in
 * spacescope-client-generated), read with their vendor extensions. This is where the command learns
 * every name, shape, window limit and row field: it has no list of its own.
 */
final class SpecCatalog {
  /** Where spacescope-client-generated ships the spec it was generated from. */
  static final String BUNDLED_SPEC = "io/github/spacescopejava/spec/spacescope.yaml";

  private static final String[] PARAMETER_ROLES = {
    "x-date-range-start",
    "x-date-range-end",
    "x-hour-range-start",
    "x-hour-range-end",
    "x-state-date",
    "x-miner-id",
    "x-page-size",
    "x-page",
    "x-search-filter"
  };

  private final List<Operation> operations;
  private final Set<Integer> resultCodes;
  private final Set<String> envelopeFields;

  private SpecCatalog(
      List<Operation> operations, Set<Integer> resultCodes, Set<String> envelopeFields) {
    this.operations = List.copyOf(operations);
    this.resultCodes = Set.copyOf(resultCodes);
    this.envelopeFields = Set.copyOf(envelopeFields);
  }

  /** The spec on the classpath, the one the client on the classpath was generated from. */
  static SpecCatalog bundled() {
    try (InputStream in = SpecCatalog.class.getClassLoader().getResourceAsStream(BUNDLED_SPEC)) {
      if (in == null) {
        throw new IllegalStateException(
            BUNDLED_SPEC + " is not on the classpath: spacescope-client-generated is missing");
      }
      return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED_SPEC, e);
    }
  }

  static SpecCatalog parse(JsonNode spec) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      JsonNode get = path.getValue().path("get");
      if (get.isMissingNode()) {
        continue;
      }
      operations.add(operation(spec, path.getKey(), get));
    }
    Set<Integer> codes = new LinkedHashSet<>();
    spec.at("/components/schemas/ResultCode/x-error-codes")
        .fieldNames()
        .forEachRemaining(c -> codes.add(Integer.parseInt(c)));
    Set<String> envelope = new LinkedHashSet<>();
    spec.at("/components/schemas/Envelope/properties").fieldNames().forEachRemaining(envelope::add);
    envelope.add("data");
    return new SpecCatalog(operations, codes, envelope);
  }

  List<Operation> operations() {
    return operations;
  }

  /** The envelope codes the spec documents ({@code x-error-codes}), 0 included. */
  Set<Integer> resultCodes() {
    return resultCodes;
  }

  /** The envelope's fields: {@code request_id}, {@code code}, {@code message}, {@code data}. */
  Set<String> envelopeFields() {
    return envelopeFields;
  }

  Optional<Operation> byPath(String path) {
    return operations.stream().filter(o -> o.path().equals(path)).findFirst();
  }

  private static Operation operation(JsonNode spec, String path, JsonNode get) {
    String operationId = get.path("operationId").asText();
    List<Operation.Parameter> parameters = new ArrayList<>();
    for (JsonNode p : get.path("parameters")) {
      JsonNode param = resolve(spec, p);
      String role = "";
      for (String r : PARAMETER_ROLES) {
        if (param.path(r).asBoolean(false)) {
          role = r.substring(2);
        }
      }
      JsonNode example = param.at("/schema/example");
      parameters.add(
          new Operation.Parameter(
              param.path("name").asText(),
              param.path("required").asBoolean(false),
              role,
              example.isMissingNode() ? null : example.asText()));
    }
    return new Operation(
        operationId,
        get.path("tags").path(0).asText(),
        path,
        get.path("summary").asText(operationId),
        Shape.of(get.path("x-shape").asText()),
        get.path("x-max-window-days").asInt(0),
        get.path("x-per-storage-provider").asBoolean(false),
        text(get.path("x-row-date-field")),
        get.path("deprecated").asBoolean(false),
        get.path("x-allows-future-dates").asBoolean(false),
        get.has("x-without-dates"),
        rowFields(spec, get),
        parameters);
  }

  /** The properties of the items of {@code data} in the 200 answer's envelope. */
  private static List<Field> rowFields(JsonNode spec, JsonNode get) {
    JsonNode response = resolve(spec, get.at("/responses/200"));
    JsonNode envelope = resolve(spec, response.at("/content/application~1json/schema"));
    JsonNode data = null;
    for (JsonNode part : envelope.path("allOf")) {
      JsonNode candidate = resolve(spec, part).at("/properties/data");
      if (!candidate.isMissingNode()) {
        data = candidate;
      }
    }
    if (data == null) {
      data = envelope.at("/properties/data");
    }
    JsonNode row = resolve(spec, data.path("items"));
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : row.path("properties").properties()) {
      JsonNode schema = resolve(spec, property.getValue());
      fields.add(
          new Field(
              property.getKey(),
              schema.path("type").asText("object"),
              text(schema.path("format")),
              text(schema.path("pattern")),
              schema.path("nullable").asBoolean(false),
              schema.path("x-integer-string").asBoolean(false),
              text(schema.path("description"))));
    }
    return fields;
  }

  /** Follows a local {@code $ref} ({@code #/components/...}) until a node without one. */
  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current.has("$ref"); depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || depth > 16) {
        throw new IllegalStateException("unsupported $ref in the spec: " + ref);
      }
      current = spec.at(ref.substring(1));
    }
    return current;
  }

  private static @Nullable String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
