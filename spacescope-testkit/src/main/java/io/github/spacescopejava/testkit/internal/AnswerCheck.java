package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a real answer with the spec (decision D27): the differences that tell a team to edit the
 * spec and regenerate. Each finding names the operation, the field and what differs; a finding
 * repeated on many rows is reported once, with the number of rows.
 */
final class AnswerCheck {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private AnswerCheck() {}

  /** The differences between an answer and the spec; empty when the answer matches. */
  static List<String> check(ApiSpec spec, Recording answer) {
    String where = answer.method() + " " + answer.path();
    OperationSpec op = spec.byPath(answer.path());
    List<String> findings = new ArrayList<>();
    if (op == null || !"GET".equals(answer.method())) {
      findings.add(where + ": not an operation of the spec (HTTP " + answer.status() + ")");
      return findings;
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(answer.body());
    } catch (IOException e) {
      envelope = null;
    }
    if (envelope == null || !envelope.isObject()) {
      findings.add(
          where
              + ": HTTP "
              + answer.status()
              + " with a body that is not a JSON envelope ("
              + answer.contentType()
              + ")");
      return findings;
    }
    for (String name : List.of("request_id", "code", "message")) {
      if (!envelope.has(name)) {
        findings.add(where + ": the envelope lacks '" + name + "'");
      }
    }
    for (Iterator<String> it = envelope.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!List.of("request_id", "code", "message", "data").contains(name)) {
        findings.add(where + ": envelope field '" + name + "' is not in the spec");
      }
    }
    JsonNode code = envelope.get("code");
    if (code != null && !(code.canConvertToInt() && spec.resultCodes().containsKey(code.asInt()))) {
      findings.add(
          where
              + ": code "
              + code
              + " is not a result code the spec documents "
              + spec.resultCodes().keySet());
    }
    JsonNode data = envelope.get("data");
    if (code != null && code.asInt() == 0 && data != null && !data.isNull()) {
      if (!data.isArray()) {
        findings.add(where + ": data is " + kind(data) + ", the spec says an array");
      } else {
        rows(where, op, data, findings);
      }
    }
    return findings;
  }

  private static void rows(String where, OperationSpec op, JsonNode data, List<String> findings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    for (JsonNode row : data) {
      if (!row.isObject()) {
        count(counts, examples, "a row is " + kind(row) + ", not an object", "");
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = row.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        FieldSpec f = op.rowField(e.getKey());
        if (f == null) {
          count(
              counts,
              examples,
              "field '" + e.getKey() + "' is not in the spec",
              " (for example " + abbreviate(e.getValue()) + ")");
        } else if (!e.getValue().isNull() && !matches(f, e.getValue())) {
          count(
              counts,
              examples,
              "field '"
                  + e.getKey()
                  + "' is "
                  + kind(e.getValue())
                  + ", the spec says "
                  + expected(f),
              " (for example " + abbreviate(e.getValue()) + ")");
        }
      }
      for (FieldSpec f : op.rowFields()) {
        if (!f.deprecated() && !row.has(f.name())) {
          count(counts, examples, "field '" + f.name() + "' of the spec is absent", "");
        }
      }
    }
    counts.forEach(
        (problem, n) ->
            findings.add(
                where
                    + ": "
                    + problem
                    + " in "
                    + n
                    + " of "
                    + data.size()
                    + " rows"
                    + examples.get(problem)));
  }

  private static void count(
      Map<String, Integer> counts, Map<String, String> examples, String problem, String example) {
    counts.merge(problem, 1, Integer::sum);
    examples.putIfAbsent(problem, example);
  }

  private static boolean matches(FieldSpec f, JsonNode v) {
    return switch (f.type()) {
      case NUMBER -> v.isNumber();
      case INTEGER -> v.isIntegralNumber();
      case BOOLEAN -> v.isBoolean();
      case INTEGER_STRING -> v.isTextual() && v.asText().matches("-?[0-9]+");
      case DATE_TIME -> v.isTextual() && isInstant(v.asText());
      case DATE -> v.isTextual() && v.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}");
      case STRING -> v.isTextual();
      case ARRAY -> v.isArray();
      case OBJECT -> v.isObject();
    };
  }

  private static boolean isInstant(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String expected(FieldSpec f) {
    return switch (f.type()) {
      case NUMBER -> "number";
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      case INTEGER_STRING -> "a string of digits";
      case DATE_TIME -> "an RFC 3339 date-time string";
      case DATE -> "a YYYY-MM-DD string";
      case STRING -> "string";
      case ARRAY -> "array";
      case OBJECT -> "object";
    };
  }

  /** "a string", "a number", ... */
  private static String kind(JsonNode v) {
    String type = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
