package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A shortcut in front of the OpenAPI request validator (D37): it certifies the requests that
 * plainly match the spec, so that a fake serving them never builds the validator, the costliest
 * part of its start-up. It errs one way only: a request it certifies is one the validator finds
 * nothing wrong with; anything it is not sure of (an unknown parameter, a value outside the simple
 * schemas below, a repeated parameter, an {@code accept} header other than JSON's, a spec feature
 * it does not read) goes to the validator, which gives its own verdict and messages.
 *
 * <p>It reads: GET operations on literal paths, query parameters with {@code name}, {@code in:
 * query}, {@code required}, {@code description}, vendor extensions, and a {@code schema} of {@code
 * type} string (no format, or {@code format: date}) with an optional {@code pattern} of plain regex
 * syntax, or integer ({@code int32}, {@code int64} or no format) with optional {@code minimum} and
 * {@code maximum}; {@code example}, {@code default} and {@code description} are ignored. An
 * operation with anything else is never certified.
 */
final class QueryChecks {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DATE_SHAPE = Pattern.compile("[12][0-9]{3}-[0-9]{2}-[0-9]{2}");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]+");
  private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,18}");

  /**
   * Regex syntax whose meaning is the same in ECMA 262 (the validator's) and in java.util.regex:
   * literals, classes of literals and ranges, anchors, groups, alternation and quantifiers.
   */
  private static final Pattern PLAIN_REGEX = Pattern.compile("[A-Za-z0-9^$\\[\\]{}()|?*+,._:/=-]*");

  private static final Set<String> PARAMETER_KEYS =
      Set.of("name", "in", "required", "description", "schema");
  private static final Set<String> SCHEMA_KEYS =
      Set.of(
          "type", "format", "pattern", "minimum", "maximum", "example", "default", "description");

  /** Accept headers every operation of the spec answers (its 200 is application/json). */
  private static final Set<String> JSON_ACCEPTS = Set.of("application/json", "*/*");

  private static final QueryChecks NONE = new QueryChecks(Map.of());

  /** By path: the checks of each certifiable operation's parameters, by name. */
  private final Map<String, Map<String, Check>> byPath;

  private QueryChecks(Map<String, Map<String, Check>> byPath) {
    this.byPath = byPath;
  }

  /**
   * The checks of a spec's GET operations ({@code gets}, by path); {@code resolve} follows a
   * parameter's {@code $ref}.
   */
  static QueryChecks of(JsonNode api, Map<String, JsonNode> gets, UnaryOperator<JsonNode> resolve) {
    // A server URL with a path prefixes every operation's path in the validator's eyes.
    for (JsonNode server : api.path("servers")) {
      if (!hasNoPath(server.path("url").asText(""))) {
        return NONE;
      }
    }
    Map<String, Map<String, Check>> byPath = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : api.path("paths").properties()) {
      if (e.getKey().contains("{")) {
        return NONE; // a templated path could claim a literal one in the validator's eyes
      }
      Map<String, Check> params = checks(e.getValue(), gets.get(e.getKey()), resolve);
      if (params != null) {
        byPath.put(e.getKey(), params);
      }
    }
    return new QueryChecks(Map.copyOf(byPath));
  }

  private static boolean hasNoPath(String url) {
    try {
      String path = URI.create(url).getPath();
      return path == null || path.isEmpty() || path.equals("/");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static @Nullable Map<String, Check> checks(
      JsonNode item, @Nullable JsonNode get, UnaryOperator<JsonNode> resolve) {
    if (get == null || item.has("parameters") || get.has("requestBody")) {
      return null; // path-level parameters: not read here
    }
    Map<String, Check> checks = new HashMap<>();
    for (JsonNode p : get.path("parameters")) {
      JsonNode param = resolve.apply(p);
      Check check = check(param);
      if (check == null || checks.containsKey(check.name)) {
        return null;
      }
      checks.put(check.name, check);
    }
    return Map.copyOf(checks);
  }

  private static @Nullable Check check(JsonNode param) {
    for (Map.Entry<String, JsonNode> e : param.properties()) {
      if (!PARAMETER_KEYS.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
        return null;
      }
    }
    JsonNode schema = param.get("schema");
    if (!"query".equals(param.path("in").asText())
        || !param.path("name").isTextual()
        || param.path("name").asText().isEmpty()
        || (param.has("required") && !param.get("required").isBoolean())
        || schema == null
        || !schema.isObject()) {
      return null;
    }
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      if (!SCHEMA_KEYS.contains(e.getKey())) {
        return null;
      }
    }
    String type = schema.path("type").asText("");
    String format = schema.has("format") ? schema.get("format").asText() : null;
    Pattern pattern = null;
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      if (!schema.get("pattern").isTextual() || !PLAIN_REGEX.matcher(regex).matches()) {
        return null;
      }
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    BigDecimal min = number(schema.get("minimum"));
    BigDecimal max = number(schema.get("maximum"));
    boolean bounded = schema.has("minimum") || schema.has("maximum");
    if ((schema.has("minimum") && min == null) || (schema.has("maximum") && max == null)) {
      return null;
    }
    Kind kind;
    if (type.equals("string") && format == null && !bounded) {
      kind = Kind.STRING;
    } else if (type.equals("string") && "date".equals(format) && pattern == null && !bounded) {
      kind = Kind.DATE;
    } else if (type.equals("integer") && pattern == null && format == null) {
      kind = Kind.INT64;
    } else if (type.equals("integer") && pattern == null && "int64".equals(format)) {
      kind = Kind.INT64;
    } else if (type.equals("integer") && pattern == null && "int32".equals(format)) {
      kind = Kind.INT32;
    } else {
      return null;
    }
    return new Check(
        param.get("name").asText(),
        param.path("required").asBoolean(false),
        kind,
        pattern,
        min,
        max);
  }

  private static @Nullable BigDecimal number(@Nullable JsonNode n) {
    return n != null && n.isNumber() ? n.decimalValue() : null;
  }

  /** True when the validator would find nothing wrong with this request. */
  boolean certifies(
      String method, String path, Map<String, List<String>> query, @Nullable String accept) {
    if (!"GET".equals(method) || (accept != null && !JSON_ACCEPTS.contains(accept))) {
      return false;
    }
    Map<String, Check> checks = byPath.get(path);
    if (checks == null) {
      return false;
    }
    int given = 0;
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      Check check = checks.get(e.getKey());
      if (check == null || e.getValue().size() != 1 || !check.accepts(e.getValue().get(0))) {
        return false;
      }
      given++;
    }
    if (given < checks.size()) {
      for (Check check : checks.values()) {
        if (check.required && !query.containsKey(check.name)) {
          return false;
        }
      }
    }
    return true;
  }

  private enum Kind {
    STRING,
    DATE,
    INT32,
    INT64
  }

  private record Check(
      String name,
      boolean required,
      Kind kind,
      @Nullable Pattern pattern,
      @Nullable BigDecimal minimum,
      @Nullable BigDecimal maximum) {

    boolean accepts(String value) {
      if (value.isEmpty()) {
        return false;
      }
      return switch (kind) {
        // Printable ASCII only: where the two regex dialects differ (line terminators before $,
        // what . and classes match beyond ASCII) the validator decides.
        case STRING ->
            PRINTABLE.matcher(value).matches()
                && (pattern == null || pattern.matcher(value).find());
        case DATE -> DATE_SHAPE.matcher(value).matches() && isDay(value);
        case INT32, INT64 -> integer(value);
      };
    }

    private boolean integer(String value) {
      if (!CANONICAL_INTEGER.matcher(value).matches()) {
        return false;
      }
      BigInteger n = new BigInteger(value);
      if (n.bitLength() > (kind == Kind.INT32 ? 31 : 63)) {
        return false;
      }
      BigDecimal d = new BigDecimal(n);
      return (minimum == null || d.compareTo(minimum) >= 0)
          && (maximum == null || d.compareTo(maximum) <= 0);
    }

    private static boolean isDay(String value) {
      try {
        LocalDate.parse(value, DAY);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }
  }
}
