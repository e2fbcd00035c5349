package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the generator's own spec validation lets through (it checks the document's structure, not
 * that references resolve or that schema keywords hold sensible values), checked on every build so
 * that a broken spec fails it with the place named. Needs nothing but the spec.
 */
class SpecIntegrityTest {
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "array", "object");
  private static final Set<String> SHAPES =
      Set.of("day-range", "hourly-range", "state-day", "paged-search");

  private final JsonNode spec = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.spec().toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyReferenceResolves() {
    List<String> dangling = new ArrayList<>();
    walk(
        spec,
        "",
        (path, node) -> {
          JsonNode ref = node.get("$ref");
          if (ref != null
              && (!ref.asText().startsWith("#/")
                  || spec.at(ref.asText().substring(1)).isMissingNode())) {
            dangling.add(path + ": " + ref.asText());
          }
        });
    assertThat(dangling).as("references that point nowhere").isEmpty();
  }

  @Test
  void schemaKeywordsHoldValidValues() {
    List<String> wrong = new ArrayList<>();
    walk(
        spec,
        "",
        (path, node) -> {
          if (path.startsWith("/components/securitySchemes")) {
            return; // "type" there is the scheme's kind (http), not a schema type
          }
          check(node, "type", v -> v.isTextual() && TYPES.contains(v.asText()), path, wrong);
          for (String bool :
              List.of("required", "nullable", "deprecated", "additionalProperties")) {
            if (!(bool.equals("required") && node.path("required").isArray())
                && !(bool.equals("additionalProperties") && node.path(bool).isObject())) {
              check(node, bool, JsonNode::isBoolean, path, wrong);
            }
          }
          for (String number : List.of("minimum", "maximum")) {
            check(node, number, JsonNode::isNumber, path, wrong);
          }
          check(node, "pattern", v -> v.isTextual() && compiles(v.asText()), path, wrong);
        });
    assertThat(wrong).as("keywords with values of the wrong kind").isEmpty();
  }

  @Test
  void everyOperationCarriesTheExtensionsTheLibraryIsDrivenBy() {
    List<String> wrong = new ArrayList<>();
    spec.get("paths")
        .fields()
        .forEachRemaining(
            p -> {
              JsonNode get = p.getValue().path("get");
              String shape = get.path("x-shape").asText();
              if (!SHAPES.contains(shape)) {
                wrong.add(p.getKey() + ": x-shape '" + shape + "'");
              }
              boolean ranged = shape.equals("day-range") || shape.equals("hourly-range");
              JsonNode limit = get.path("x-max-window-days");
              if (ranged != (limit.isInt() && limit.asInt() > 0)) {
                wrong.add(p.getKey() + ": x-max-window-days " + limit + " for " + shape);
              }
              if (!get.path("x-per-storage-provider").isBoolean()) {
                wrong.add(p.getKey() + ": x-per-storage-provider must be true or false");
              }
              if (!get.path("operationId").asText().matches("[a-zA-Z0-9]+_[a-z][a-zA-Z0-9]*")) {
                wrong.add(
                    p.getKey()
                        + ": operationId '"
                        + get.path("operationId").asText()
                        + "' is not tag_method");
              }
            });
    assertThat(wrong).isEmpty();
  }

  private interface Visitor {
    void visit(String path, JsonNode node);
  }

  private static void walk(JsonNode node, String path, Visitor visitor) {
    if (node.isObject()) {
      visitor.visit(path, node);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        // Examples and vendor extensions are data, not schema keywords.
        if (!e.getKey().equals("example")
            && !e.getKey().startsWith("x-")
            && !e.getKey().equals("properties")) {
          walk(e.getValue(), path + "/" + e.getKey(), visitor);
        } else if (e.getKey().equals("properties")) {
          e.getValue()
              .fields()
              .forEachRemaining(
                  prop -> walk(prop.getValue(), path + "/properties/" + prop.getKey(), visitor));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, visitor);
      }
    }
  }

  private static void check(
      JsonNode node,
      String keyword,
      java.util.function.Predicate<JsonNode> ok,
      String path,
      List<String> wrong) {
    JsonNode v = node.get(keyword);
    if (v != null && !ok.test(v)) {
      wrong.add(path + "/" + keyword + ": " + v);
    }
  }

  private static boolean compiles(String regex) {
    try {
      java.util.regex.Pattern.compile(regex);
      return true;
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }
}
