package io.github.spacescopejava.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import io.github.spacescopejava.testkit.internal.OperationSpec.Shape;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The spec as the fake serves it: its operations (read from the vendor extensions and the row
 * schemas), its documented result codes, and a request validator built from the same document.
 *
 * <p>Immutable once built. The fake's own model is read from the YAML tree with Jackson (D37): on a
 * cold JVM that costs a small part of what the OpenAPI parser and the request validator cost, and
 * the fake starts as fast as plain WireMock. The validator is built on first need: a request that
 * {@link QueryChecks} certifies valid (a known GET path, known query parameters whose values
 * plainly meet their schemas) never needs it, since the validator would find nothing either; any
 * other request is validated by it, with its exact messages. {@link #bundled()} reads the classpath
 * spec once per class loader and every fake shares the result.
 */
public final class ApiSpec {
  /** Where {@code spacescope-client-generated} puts the spec inside its jar. */
  public static final String CLASSPATH_LOCATION = "io/github/spacescopejava/spec/spacescope.yaml";

  private final String text;
  private final List<OperationSpec> operations;
  private final Map<String, OperationSpec> byPath;
  private final Map<String, OperationSpec> byOperationId;
  private final Map<Integer, String> resultCodes;
  private final Map<String, OperationRules> rules;
  private final @Nullable LocalDate firstDayWithData;
  private final Duration publicationDelay;
  private final QueryChecks checks;
  private volatile @Nullable OpenApiInteractionValidator validator;
  private final RowCache rowCache = new RowCache();

  private ApiSpec(String text, JsonNode api) {
    this.text = text;
    JsonNode components = api.path("components");
    List<OperationSpec> ops = new ArrayList<>();
    Map<String, OperationSpec> paths = new LinkedHashMap<>();
    Map<String, OperationSpec> ids = new LinkedHashMap<>();
    Map<String, OperationRules> rulesById = new LinkedHashMap<>();
    Map<String, JsonNode> gets = new LinkedHashMap<>();
    api.path("paths")
        .properties()
        .forEach(
            e -> {
              JsonNode get = e.getValue().get("get");
              if (get != null && get.isObject()) {
                String path = e.getKey();
                OperationSpec op = readOperation(components, path, get);
                ops.add(op);
                paths.put(path, op);
                ids.put(op.operationId(), op);
                rulesById.put(op.operationId(), readRules(components, op, get));
                gets.put(path, get);
              }
            });
    this.rules = Collections.unmodifiableMap(rulesById);
    this.firstDayWithData = readFirstDay(api);
    this.publicationDelay = readPublicationDelay(api);
    this.operations = List.copyOf(ops);
    this.byPath = Collections.unmodifiableMap(paths);
    this.byOperationId = Collections.unmodifiableMap(ids);
    this.resultCodes = readResultCodes(components);
    this.checks = QueryChecks.of(api, gets, p -> resolveParameter(components, p));
  }

  /** The spec on the classpath, read once. */
  public static ApiSpec bundled() {
    return Bundled.SPEC;
  }

  /**
   * Reads a spec from its YAML (or JSON) text; for tests, tools and {@link
   * io.github.spacescopejava.testkit.SpaceScopeFake.Builder#spec}. The OpenAPI parser reads it too,
   * here and now, so that a spec it refuses fails at once rather than at the first request.
   */
  public static ApiSpec parse(String yaml) {
    ApiSpec spec = read(yaml);
    spec.validator();
    return spec;
  }

  /**
   * Reads a spec, leaving the OpenAPI parser and validator for the first request that needs them.
   */
  static ApiSpec read(String yaml) {
    JsonNode api;
    try {
      api = SpecTree.ofYaml(yaml);
    } catch (IOException e) {
      throw new IllegalStateException("the SpaceScope spec does not parse: " + e.getMessage(), e);
    }
    return of(yaml, api);
  }

  private static ApiSpec of(String yaml, @Nullable JsonNode api) {
    if (api == null || !api.isObject() || !api.path("paths").isObject()) {
      throw new IllegalStateException("the SpaceScope spec does not parse: it has no paths");
    }
    return new ApiSpec(yaml, api);
  }

  /**
   * The classpath spec, from the tree the build made of it when there is one ({@link SpecTree}).
   */
  static ApiSpec readBundled() {
    String yaml = readClasspathSpec();
    JsonNode prebuilt = SpecTree.prebuilt(yaml);
    return prebuilt == null ? read(yaml) : of(yaml, prebuilt);
  }

  static String readClasspathSpec() {
    ClassLoader loader = ApiSpec.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(CLASSPATH_LOCATION)) {
      if (in == null) {
        throw new IllegalStateException(
            CLASSPATH_LOCATION
                + " is not on the classpath: the testkit needs spacescope-client-generated");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request validator of this spec, built by the first caller. */
  OpenApiInteractionValidator validator() {
    OpenApiInteractionValidator v = validator;
    if (v == null) {
      synchronized (this) {
        v = validator;
        if (v == null) {
          v = buildValidator(text);
          validator = v;
        }
      }
    }
    return v;
  }

  /** Whether the request validator has been built; for tests. */
  boolean validatorBuilt() {
    return validator != null;
  }

  private static OpenApiInteractionValidator buildValidator(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalStateException(
          "the SpaceScope spec does not parse: " + result.getMessages());
    }
    return OpenApiInteractionValidator.createFor(api)
        .withLevelResolver(
            LevelResolver.create()
                // The authorization header is the fake's own rule (401 with 10011/10012), not
                // drift.
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .withLevel(
                    "validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                .build())
        .build();
  }

  /** The synthesized rows of this spec's operations, shared by every fake serving it. */
  RowCache rowCache() {
    return rowCache;
  }

  public List<OperationSpec> operations() {
    return operations;
  }

  public @Nullable OperationSpec byPath(String path) {
    return byPath.get(path);
  }

  /** Finds an operation by its path ({@code /v2/...}) or its operationId. */
  public @Nullable OperationSpec find(String pathOrOperationId) {
    OperationSpec op = byPath.get(pathOrOperationId);
    return op != null ? op : byOperationId.get(pathOrOperationId);
  }

  /** The request rules the spec states for {@code op}: windows, required filters, bounds. */
  public OperationRules rules(OperationSpec op) {
    OperationRules r = rules.get(op.operationId());
    if (r == null) {
      throw new IllegalArgumentException(op.operationId() + " is not an operation of this spec");
    }
    return r;
  }

  /** {@code info.x-first-day-with-data}: no row is dated before it; null where not stated. */
  public @Nullable LocalDate firstDayWithData() {
    return firstDayWithData;
  }

  /**
   * {@code info.x-publication-delay}: how long after day D ends (UTC) its rows are published; 21
   * hours where the spec does not say.
   */
  public Duration publicationDelay() {
    return publicationDelay;
  }

  /** The documented result codes ({@code x-error-codes} of {@code ResultCode}) and their names. */
  public Map<Integer, String> resultCodes() {
    return resultCodes;
  }

  /**
   * Validates a request against the spec.
   *
   * @return the validator's messages, empty when the request matches the spec
   */
  public List<String> validate(
      String method, String path, Map<String, List<String>> query, @Nullable String accept) {
    if (checks.certifies(method, path, query, accept)) {
      return List.of();
    }
    return validateFully(method, path, query, accept);
  }

  /** What the OpenAPI request validator says of a request, without the shortcut. */
  List<String> validateFully(
      String method, String path, Map<String, List<String>> query, @Nullable String accept) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
    query.forEach(request::withQueryParam);
    if (accept != null) {
      request.withAccept(accept);
    }
    Request built = request.build();
    ValidationReport report = validator().validateRequest(built);
    List<String> messages = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        messages.add(m.getMessage());
      }
    }
    return List.copyOf(messages);
  }

  /** The vendor extensions ({@code x-...}) of a spec object, as plain Java values. */
  static Map<String, Object> extensions(@Nullable JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, Object> x = new LinkedHashMap<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getKey().startsWith("x-")) {
                x.put(e.getKey(), plain(e.getValue()));
              }
            });
    return x;
  }

  /**
   * A node as Jackson binds it to {@code Object} (maps keep their order, whole numbers are the
   * smallest of Integer, Long and BigInteger, other numbers Double), without its binding machinery.
   */
  static @Nullable Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(item -> l.add(plain(item)));
      return l;
    }
    if (n.isIntegralNumber()) {
      if (n.canConvertToInt()) {
        return n.intValue();
      }
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.asText();
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<JsonNode> parameters(JsonNode components, JsonNode get) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : get.path("parameters")) {
      out.add(resolveParameter(components, p));
    }
    return out;
  }

  private static OperationSpec readOperation(JsonNode components, String path, JsonNode get) {
    Map<String, Object> x = extensions(get);
    Shape shape = Shape.fromWire(path, x.get("x-shape"));
    Object window = x.get("x-max-window-days");
    List<String> parameters = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    for (JsonNode param : parameters(components, get)) {
      String name = text(param, "name");
      parameters.add(name);
      extensions(param)
          .forEach(
              (flag, value) -> {
                if (Boolean.TRUE.equals(value)) {
                  roles.put(
                      flag.equals("x-search-filter")
                          ? OperationSpec.SEARCH_FILTER_PREFIX + name
                          : flag,
                      name);
                }
              });
    }
    return new OperationSpec(
        path,
        Objects.requireNonNull(text(get, "operationId"), () -> path + " has no operationId"),
        shape,
        window instanceof Number n ? n.intValue() : 0,
        Boolean.TRUE.equals(x.get("x-per-storage-provider")),
        x.get("x-row-date-field") instanceof String s ? s : null,
        Boolean.TRUE.equals(x.get("x-allows-future-dates")),
        parameters,
        roles,
        readRowFields(components, path, get));
  }

  private static OperationRules readRules(JsonNode components, OperationSpec op, JsonNode get) {
    Map<String, Object> x = extensions(get);
    int accepted =
        x.get("x-accepted-window-days") instanceof Number n ? n.intValue() : op.maxWindowDays();
    List<String> oneOf = new ArrayList<>();
    if (x.get("x-requires-one-of") instanceof List<?> names) {
      for (Object name : names) {
        if (!op.parameters().contains(String.valueOf(name))) {
          throw new IllegalStateException(
              op.path() + ": x-requires-one-of names '" + name + "', which is not a parameter");
        }
        oneOf.add(String.valueOf(name));
      }
    }
    Integer wholeSeries = null;
    if (x.get("x-without-dates") instanceof Map<?, ?> m) {
      if (!(m.get("days-after-latest-available-day") instanceof Number n) || n.intValue() < 0) {
        throw new IllegalStateException(
            op.path()
                + ": x-without-dates needs days-after-latest-available-day, a number of 0 or"
                + " more");
      }
      wholeSeries = n.intValue();
    }
    Map<String, OperationRules.ParameterRule> parameters = new LinkedHashMap<>();
    for (JsonNode param : parameters(components, get)) {
      JsonNode schema = param.get("schema");
      if (schema != null && schema.isObject()) {
        String pattern = text(schema, "pattern");
        parameters.put(
            text(param, "name"),
            new OperationRules.ParameterRule(
                pattern == null ? null : Pattern.compile(pattern),
                decimal(schema.get("minimum")),
                decimal(schema.get("maximum")),
                text(schema, "example")));
      }
    }
    return new OperationRules(op.maxWindowDays(), accepted, oneOf, wholeSeries, parameters);
  }

  private static @Nullable BigDecimal decimal(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
  }

  private static Duration readPublicationDelay(JsonNode api) {
    Object delay = extensions(api.get("info")).get("x-publication-delay");
    if (delay == null) {
      return FakeClock.PUBLICATION_DELAY;
    }
    try {
      Duration d = Duration.parse(String.valueOf(delay));
      if (d.isNegative()) {
        throw new IllegalStateException("info.x-publication-delay '" + delay + "' is negative");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "info.x-publication-delay '" + delay + "' is not an ISO-8601 duration such as PT21H", e);
    }
  }

  private static @Nullable LocalDate readFirstDay(JsonNode api) {
    Object day = extensions(api.get("info")).get("x-first-day-with-data");
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(String.valueOf(day));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          "info.x-first-day-with-data '" + day + "' is not a date (YYYY-MM-DD)", e);
    }
  }

  private static List<FieldSpec> readRowFields(JsonNode components, String path, JsonNode get) {
    JsonNode ok = get.path("responses").get("200");
    if (ok == null || !ok.isObject()) {
      throw new IllegalStateException(path + ": no 200 response in the spec");
    }
    ok = resolve(components, "responses", ok, "response");
    JsonNode json = ok.path("content").get("application/json");
    if (json == null || json.get("schema") == null || !json.get("schema").isObject()) {
      throw new IllegalStateException(path + ": the 200 response has no application/json schema");
    }
    Map<String, JsonNode> envelope = properties(components, json.get("schema"));
    JsonNode data = envelope.get("data");
    if (data == null || data.get("items") == null || !data.get("items").isObject()) {
      throw new IllegalStateException(path + ": the 200 response has no data array");
    }
    List<FieldSpec> fields = new ArrayList<>();
    properties(components, data.get("items"))
        .forEach(
            (name, schema) -> {
              JsonNode s = resolveSchema(components, schema);
              fields.add(
                  new FieldSpec(
                      name,
                      fieldType(s),
                      s.path("deprecated").asBoolean(false),
                      FieldRules.of(path + " " + name, extensions(s))));
            });
    FieldRules.check(path, fields);
    return fields;
  }

  /** The properties of a schema, following $ref and merging allOf, in declaration order. */
  private static Map<String, JsonNode> properties(JsonNode components, JsonNode schema) {
    JsonNode s = resolveSchema(components, schema);
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode part : s.path("allOf")) {
      merged.putAll(properties(components, part));
    }
    s.path("properties").properties().forEach(e -> merged.put(e.getKey(), e.getValue()));
    return merged;
  }

  private static FieldType fieldType(JsonNode s) {
    JsonNode t = s.get("type");
    String type = null;
    if (t != null && t.isTextual()) {
      type = t.asText();
    } else if (t != null && t.isArray() && t.size() > 0) {
      type = t.get(0).asText(); // OpenAPI 3.1: the first of its types
    }
    if (type == null) {
      return FieldType.STRING;
    }
    String format = text(s, "format");
    return switch (type) {
      case "number" -> FieldType.NUMBER;
      case "integer" -> FieldType.INTEGER;
      case "boolean" -> FieldType.BOOLEAN;
      case "array" -> FieldType.ARRAY;
      case "object" -> FieldType.OBJECT;
      default -> {
        if (Boolean.TRUE.equals(extensions(s).get("x-integer-string"))) {
          yield FieldType.INTEGER_STRING;
        } else if ("date-time".equals(format)) {
          yield FieldType.DATE_TIME;
        } else if ("date".equals(format)) {
          yield FieldType.DATE;
        }
        yield FieldType.STRING;
      }
    };
  }

  private static Map<Integer, String> readResultCodes(JsonNode components) {
    Map<Integer, String> codes = new TreeMap<>();
    JsonNode resultCode = components.path("schemas").get("ResultCode");
    if (extensions(resultCode).get("x-error-codes") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> codes.put(Integer.valueOf(String.valueOf(k)), String.valueOf(v)));
    }
    return Collections.unmodifiableMap(codes);
  }

  private static JsonNode resolveSchema(JsonNode components, JsonNode schema) {
    JsonNode s = schema;
    for (int depth = 0; s.hasNonNull("$ref") && depth < 16; depth++) {
      String ref = s.get("$ref").asText();
      JsonNode target = components.path("schemas").get(refName(ref));
      if (target == null || !target.isObject()) {
        throw new IllegalStateException("unresolved schema " + ref);
      }
      s = target;
    }
    return s;
  }

  static JsonNode resolveParameter(JsonNode components, JsonNode p) {
    return resolve(components, "parameters", p, "parameter");
  }

  private static JsonNode resolve(JsonNode components, String section, JsonNode node, String what) {
    if (!node.hasNonNull("$ref")) {
      return node;
    }
    String ref = node.get("$ref").asText();
    JsonNode target = components.path(section).get(refName(ref));
    if (target == null || !target.isObject()) {
      throw new IllegalStateException("unresolved " + what + " " + ref);
    }
    return target;
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static final class Bundled {
    static final ApiSpec SPEC = readBundled();
  }
}
