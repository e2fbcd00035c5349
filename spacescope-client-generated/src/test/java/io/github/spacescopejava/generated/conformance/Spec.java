package io.github.spacescopejava.generated.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read access to {@code spec/spacescope.yaml} as a tree, with local {@code $ref}s resolved. */
final class Spec {
  static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static volatile Spec loaded;

  private final JsonNode root;

  private Spec(JsonNode root) {
    this.root = root;
  }

  static Spec load() {
    Spec spec = loaded;
    if (spec == null) {
      synchronized (Spec.class) {
        if (loaded == null) {
          try {
            loaded =
                new Spec(
                    new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.spec().toFile()));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec", e);
          }
        }
        spec = loaded;
      }
    }
    return spec;
  }

  /** One operation: its path, HTTP method and node. */
  record Operation(String path, String method, JsonNode node) {
    String operationId() {
      return node.path("operationId").asText();
    }

    /** The generated method's name: the operationId without its {@code tag_} prefix. */
    String javaMethodName() {
      String id = operationId();
      return id.substring(id.indexOf('_') + 1);
    }

    String tag() {
      return node.path("tags").path(0).asText();
    }
  }

  /** Every operation under {@code paths}, whatever its method. */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        if (HTTP_METHODS.contains(method.getKey())) {
          operations.add(new Operation(path.getKey(), method.getKey(), method.getValue()));
        }
      }
    }
    return operations;
  }

  /** The GET operation of {@code path}, if the spec has one. */
  Optional<Operation> get(String path) {
    JsonNode node = root.path("paths").path(path).path("get");
    return node.isObject() ? Optional.of(new Operation(path, "get", node)) : Optional.empty();
  }

  /** {@code node} itself, or what its local {@code $ref} points at (followed repeatedly). */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || hops > 16) {
        return MissingNode.getInstance();
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** The query parameter names of {@code operation}, in the spec's order. */
  List<String> parameterNames(Operation operation) {
    List<String> names = new ArrayList<>();
    operation.node().path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
    return names;
  }

  List<String> docsTableParameters(Operation operation) {
    List<String> names = new ArrayList<>();
    operation.node().path("x-docs-table-parameters").forEach(n -> names.add(n.asText()));
    return names;
  }

  /**
   * The row schema of {@code operation}: 200 response, its JSON schema ({@code XxxResponse}), the
   * {@code allOf} member declaring {@code data}, and that array's items. Missing if any link of the
   * chain is.
   */
  JsonNode rowSchema(Operation operation) {
    JsonNode response = resolve(operation.node().path("responses").path("200"));
    JsonNode envelope = resolve(response.path("content").path("application/json").path("schema"));
    for (JsonNode member : envelope.path("allOf")) {
      JsonNode data = resolve(member).path("properties").path("data");
      if (data.isObject()) {
        return resolve(data.path("items"));
      }
    }
    return MissingNode.getInstance();
  }

  /** The property names of {@code operation}'s row schema; empty if it has none. */
  Set<String> rowProperties(Operation operation) {
    Set<String> names = new LinkedHashSet<>();
    rowSchema(operation).path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
