package io.github.spacescopejava.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operations of the spec the client was generated from ({@code spacescope.yaml}, bundled in
 * spacescope-client-generated), read with the vendor extensions a sync needs. The sync has no list
 * of operations or fields of its own: tables follow the spec.
 *
 * <p>This is the sync's stand-in for the operation catalog of issue 19; when that exists, this
 * class and {@link RowSource} are the two places to switch over.
 */
public final class Catalog {
  static final String BUNDLED_SPEC = "io/github/spacescopejava/spec/spacescope.yaml";

  private final List<OperationSpec> operations;

  private Catalog(List<OperationSpec> operations) {
    this.operations = List.copyOf(operations);
  }

  /** The spec on the classpath, the one the client on the classpath was generated from. */
  public static Catalog bundled() {
    try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(BUNDLED_SPEC)) {
      if (in == null) {
        throw new IllegalStateException(
            BUNDLED_SPEC + " is not on the classpath: spacescope-client-generated is missing");
      }
      return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUNDLED_SPEC, e);
    }
  }

  public static Catalog parse(JsonNode spec) {
    List<OperationSpec> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
      JsonNode get = path.getValue().path("get");
      if (!get.isMissingNode()) {
        operations.add(operation(spec, path.getKey(), get));
      }
    }
    return new Catalog(operations);
  }

  public List<OperationSpec> operations() {
    return operations;
  }

  /**
   * The operation with this name: its path without the version ({@code
   * power/network_storage_capacity}), its operationId, or its client name ({@code
   * power.networkStorageCapacity}).
   */
  public Optional<OperationSpec> find(String name) {
    return operations.stream()
        .filter(
            o ->
                o.name().equals(name)
                    || o.path().equals(name)
                    || o.operationId().equals(name)
                    || (o.groupName() + "." + o.methodName()).equals(name))
        .findFirst();
  }

  /** What a sync without a list of operations takes: every non-deprecated day-range operation. */
  public List<OperationSpec> defaults() {
    return operations.stream()
        .filter(o -> o.shape() == Shape.DAY_RANGE && !o.deprecated() && !o.withoutDates())
        .toList();
  }

  private static OperationSpec operation(JsonNode spec, String path, JsonNode get) {
    return new OperationSpec(
        get.path("operationId").asText(),
        get.path("tags").path(0).asText(),
        path,
        Shape.of(get.path("x-shape").asText()),
        get.path("x-max-window-days").asInt(0),
        get.path("x-per-storage-provider").asBoolean(false),
        text(get.path("x-row-date-field")),
        get.path("deprecated").asBoolean(false),
        get.has("x-without-dates"),
        rowFields(spec, get));
  }

  /** The properties of the items of {@code data} in the 200 answer's envelope. */
  private static List<FieldSpec> rowFields(JsonNode spec, JsonNode get) {
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
    List<FieldSpec> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : row.path("properties").properties()) {
      JsonNode schema = resolve(spec, property.getValue());
      JsonNode magnitude = schema.path("x-typical-magnitude");
      fields.add(
          new FieldSpec(
              property.getKey(),
              schema.path("type").asText("object"),
              text(schema.path("format")),
              schema.path("x-integer-string").asBoolean(false),
              schema.path("x-whole-number").asBoolean(false),
              magnitude.isNumber() ? magnitude.doubleValue() : null,
              schema.has("x-top-n")));
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
