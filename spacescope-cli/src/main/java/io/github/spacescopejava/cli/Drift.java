package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * What an answer of the API has that the spec lacks: envelope fields and codes the spec does not
 * document, row fields it does not declare, values of another type or format than declared. Pure: a
 * body in, findings out.
 */
final class Drift {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private Drift() {}

  /**
   * One difference between an answer and the spec.
   *
   * @param kind {@code field}, {@code type} or {@code code}
   * @param name the field (or {@code code}) concerned
   * @param detail what the answer has, in words
   */
  record Finding(String kind, String name, String detail) {
    @Override
    public String toString() {
      return detail;
    }
  }

  /**
   * The result of comparing one answer.
   *
   * @param findings the differences, one per field and kind, in the order met
   * @param code the envelope's code, or null if the body had none
   * @param rows the rows of {@code data}
   * @param notAnEnvelope why the body is not an envelope at all, or null
   */
  record Result(
      List<Finding> findings, @Nullable Integer code, int rows, @Nullable String notAnEnvelope) {}

  static Result compare(SpecCatalog spec, Operation op, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return new Result(List.of(), null, 0, "the body is not JSON: " + excerpt(body));
    }
    if (root == null || !root.isObject()) {
      return new Result(List.of(), null, 0, "the body is not a JSON object: " + excerpt(body));
    }
    Map<String, Finding> findings = new LinkedHashMap<>();
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!spec.envelopeFields().contains(name)) {
        findings.putIfAbsent(
            "envelope field " + name,
            new Finding(
                "field",
                name,
                "envelope field '" + name + "' (" + kind(root.get(name)) + ") is not in the spec"));
      }
    }
    JsonNode codeNode = root.get("code");
    Integer code = codeNode != null && codeNode.isIntegralNumber() ? codeNode.intValue() : null;
    if (codeNode == null || !codeNode.isIntegralNumber()) {
      findings.put(
          "code",
          new Finding(
              "type", "code", "envelope field 'code' is " + kind(codeNode) + ", not an integer"));
    } else if (!spec.resultCodes().contains(code)) {
      findings.put(
          "code",
          new Finding(
              "code",
              "code",
              "code " + code + " is not one the spec documents " + spec.resultCodes()));
    }
    int rows = 0;
    JsonNode data = root.get("data");
    if (code != null && code == 0 && data != null && !data.isNull()) {
      if (!data.isArray()) {
        findings.put(
            "data", new Finding("type", "data", "'data' is " + kind(data) + ", not an array"));
      } else {
        for (JsonNode row : data) {
          rows++;
          row(op, row, findings);
        }
      }
    }
    return new Result(new ArrayList<>(findings.values()), code, rows, null);
  }

  private static void row(Operation op, JsonNode row, Map<String, Finding> findings) {
    if (!row.isObject()) {
      findings.putIfAbsent(
          "row", new Finding("type", "data", "a row is " + kind(row) + ", not an object"));
      return;
    }
    for (Map.Entry<String, JsonNode> e : row.properties()) {
      String name = e.getKey();
      Field declared = op.field(name).orElse(null);
      if (declared == null) {
        findings.putIfAbsent(
            "field " + name,
            new Finding(
                "field",
                name,
                "field '" + name + "' (" + kind(e.getValue()) + ") is not in the spec"));
        continue;
      }
      String mismatch = mismatch(declared, e.getValue());
      if (mismatch != null) {
        findings.putIfAbsent(
            "type " + name,
            new Finding(
                "type",
                name,
                "field '"
                    + name
                    + "': the spec says "
                    + EndpointsCommand.type(declared)
                    + ", the answer has "
                    + mismatch));
      }
    }
  }

  /** What is wrong with {@code value} for {@code field}, or null when it matches. */
  static @Nullable String mismatch(Field field, JsonNode value) {
    if (value.isNull()) {
      return field.nullable() ? null : "null";
    }
    switch (field.type()) {
      case "number":
        return value.isNumber() ? null : kind(value) + " " + excerpt(value.toString());
      case "integer":
        if (value.isIntegralNumber()) {
          return null;
        }
        return value.isNumber()
            ? "a fraction " + value
            : kind(value) + " " + excerpt(value.toString());
      case "boolean":
        return value.isBoolean() ? null : kind(value) + " " + excerpt(value.toString());
      case "object":
        return value.isObject() ? null : kind(value);
      case "array":
        return value.isArray() ? null : kind(value);
      case "string":
        if (!value.isTextual()) {
          return kind(value) + " " + excerpt(value.toString());
        }
        return stringMismatch(field, value.textValue());
      default:
        return null;
    }
  }

  private static @Nullable String stringMismatch(Field field, String text) {
    if ("date-time".equals(field.format())) {
      try {
        OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        return "'" + excerpt(text) + "', not an RFC 3339 timestamp";
      }
    } else if ("date".equals(field.format())) {
      try {
        LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        return "'" + excerpt(text) + "', not a date";
      }
    }
    if (field.pattern() != null) {
      try {
        if (!Pattern.compile(field.pattern()).matcher(text).find()) {
          return "'" + excerpt(text) + "', which does not match " + field.pattern();
        }
      } catch (PatternSyntaxException e) {
        return null; // a pattern Java cannot read is the spec's problem, not drift of the API
      }
    }
    return null;
  }

  static String kind(@Nullable JsonNode value) {
    if (value == null) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : "object";
  }

  private static String excerpt(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
