package io.github.spacescopejava.generated.conformance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Exact comparison of two JSON documents: the same field names at every level, equal strings and
 * booleans, and numbers equal as {@link java.math.BigDecimal} values ({@code 4e14} equals {@code
 * 400000000000000}; {@code 0.1} does not equal {@code 0.10000000000000001}).
 */
final class ExactJson {
  /** Parses floats as BigDecimal, so that no digit is lost before the comparison. */
  private static final ObjectMapper EXACT =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private ExactJson() {}

  static JsonNode parse(byte[] json) {
    try {
      return EXACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON", e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return EXACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON", e);
    }
  }

  /**
   * Fails with the JSON path of the first difference between {@code expected} and {@code actual}.
   */
  static void assertSameJson(JsonNode expected, JsonNode actual) {
    assertSameJson("JSON", expected, actual);
  }

  /** As {@link #assertSameJson(JsonNode, JsonNode)}, naming {@code what} is compared. */
  static void assertSameJson(String what, JsonNode expected, JsonNode actual) {
    firstDifference(expected, actual)
        .ifPresent(
            difference -> {
              throw new AssertionError(what + " differs " + difference);
            });
  }

  /** The first difference, as "at $.path: what", or empty if both trees are exactly equal. */
  static Optional<String> firstDifference(JsonNode expected, JsonNode actual) {
    return difference("$", expected, actual);
  }

  private static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? Optional.empty()
          : at(
              path,
              "expected the number "
                  + expected.decimalValue().toPlainString()
                  + " but was "
                  + actual.decimalValue().toPlainString());
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      return at(path, "expected " + describe(expected) + " but was " + describe(actual));
    }
    if (expected.isObject()) {
      return objectDifference(path, expected, actual);
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return at(path, "expected " + expected.size() + " elements but was " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> inner = difference(path + "[" + i + "]", expected.get(i), actual.get(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    // Strings, booleans, null: the node types agree, so compare their text.
    return expected.asText().equals(actual.asText())
        ? Optional.empty()
        : at(path, "expected " + expected + " but was " + actual);
  }

  private static Optional<String> objectDifference(
      String path, JsonNode expected, JsonNode actual) {
    TreeSet<String> names = new TreeSet<>();
    expected.fieldNames().forEachRemaining(names::add);
    actual.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String inner = path + "." + name;
      if (!actual.has(name)) {
        return at(inner, "field dropped (expected " + describe(expected.get(name)) + ")");
      }
      if (!expected.has(name)) {
        return at(inner, "field invented (was " + describe(actual.get(name)) + ")");
      }
    }
    for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      Optional<String> found = difference(path + "." + name, expected.get(name), actual.get(name));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static String describe(JsonNode node) {
    String type = node.getNodeType().toString().toLowerCase(Locale.ROOT);
    return node.isContainerNode() ? type : type + " " + node;
  }

  private static Optional<String> at(String path, String what) {
    return Optional.of("at " + path + ": " + what);
  }
}
