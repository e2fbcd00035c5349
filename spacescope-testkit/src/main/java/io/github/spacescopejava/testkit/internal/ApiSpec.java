package io.github.spacescopejava.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import io.github.spacescopejava.testkit.internal.OperationSpec.Shape;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * <p>Immutable once built. Parsing takes about a second on a cold JVM, so {@link #bundled()} parses
 * the classpath spec once per class loader and every fake shares the result.
 */
public final class ApiSpec {
  /** Where {@code spacescope-client-generated} puts the spec inside its jar. */
  public static final String CLASSPATH_LOCATION = "io/github/spacescopejava/spec/spacescope.yaml";

  private final List<OperationSpec> operations;
  private final Map<String, OperationSpec> byPath;
  private final Map<String, OperationSpec> byOperationId;
  private final Map<Integer, String> resultCodes;
  private final Map<String, OperationRules> rules;
  private final @Nullable LocalDate firstDayWithData;
  private final Duration publicationDelay;
  private final OpenApiInteractionValidator validator;
  private final RowCache rowCache = new RowCache();

  private ApiSpec(OpenAPI api) {
    List<OperationSpec> ops = new ArrayList<>();
    Map<String, OperationSpec> paths = new LinkedHashMap<>();
    Map<String, OperationSpec> ids = new LinkedHashMap<>();
    Map<String, OperationRules> rulesById = new LinkedHashMap<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              Operation get = item.getGet();
              if (get != null) {
                OperationSpec op = readOperation(api.getComponents(), path, get);
                ops.add(op);
                paths.put(path, op);
                ids.put(op.operationId(), op);
                rulesById.put(op.operationId(), readRules(api.getComponents(), op, get));
              }
            });
    this.rules = Collections.unmodifiableMap(rulesById);
    this.firstDayWithData = readFirstDay(api);
    this.publicationDelay = readPublicationDelay(api);
    this.operations = List.copyOf(ops);
    this.byPath = Collections.unmodifiableMap(paths);
    this.byOperationId = Collections.unmodifiableMap(ids);
    this.resultCodes = readResultCodes(api.getComponents());
    this.validator =
        OpenApiInteractionValidator.createFor(api)
            .withLevelResolver(
                LevelResolver.create()
                    // The authorization header is the fake's own rule (401 with 10011/10012), not
                    // drift.
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .withLevel(
                        "validation.request.parameter.query.unexpected",
                        ValidationReport.Level.ERROR)
                    .build())
            .build();
  }

  /** The synthesized rows of this spec's operations, shared by every fake serving it. */
  RowCache rowCache() {
    return rowCache;
  }

  /** The spec on the classpath, parsed once. */
  public static ApiSpec bundled() {
    return Bundled.SPEC;
  }

  /** Parses a spec from its YAML (or JSON) text; for tests and tools. */
  public static ApiSpec parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
    OpenAPI api = result.getOpenAPI();
    if (api == null || api.getPaths() == null) {
      throw new IllegalStateException(
          "the SpaceScope spec does not parse: " + result.getMessages());
    }
    return new ApiSpec(api);
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
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
    query.forEach(request::withQueryParam);
    if (accept != null) {
      request.withAccept(accept);
    }
    Request built = request.build();
    ValidationReport report = validator.validateRequest(built);
    List<String> messages = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        messages.add(m.getMessage());
      }
    }
    return List.copyOf(messages);
  }

  private static OperationSpec readOperation(Components components, String path, Operation get) {
    Map<String, Object> x = get.getExtensions() == null ? Map.of() : get.getExtensions();
    Shape shape = Shape.fromWire(path, x.get("x-shape"));
    Object window = x.get("x-max-window-days");
    List<String> parameters = new ArrayList<>();
    Map<String, String> roles = new LinkedHashMap<>();
    if (get.getParameters() != null) {
      for (Parameter p : get.getParameters()) {
        Parameter param = resolve(components, p);
        parameters.add(param.getName());
        if (param.getExtensions() != null) {
          param
              .getExtensions()
              .forEach(
                  (flag, value) -> {
                    if (Boolean.TRUE.equals(value)) {
                      roles.put(
                          flag.equals("x-search-filter")
                              ? OperationSpec.SEARCH_FILTER_PREFIX + param.getName()
                              : flag,
                          param.getName());
                    }
                  });
        }
      }
    }
    return new OperationSpec(
        path,
        Objects.requireNonNull(get.getOperationId(), () -> path + " has no operationId"),
        shape,
        window instanceof Number n ? n.intValue() : 0,
        Boolean.TRUE.equals(x.get("x-per-storage-provider")),
        x.get("x-row-date-field") instanceof String s ? s : null,
        Boolean.TRUE.equals(x.get("x-allows-future-dates")),
        parameters,
        roles,
        readRowFields(components, path, get));
  }

  private static OperationRules readRules(Components components, OperationSpec op, Operation get) {
    Map<String, Object> x = get.getExtensions() == null ? Map.of() : get.getExtensions();
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
    if (get.getParameters() != null) {
      for (Parameter p : get.getParameters()) {
        Parameter param = resolve(components, p);
        Schema<?> schema = param.getSchema();
        if (schema != null) {
          parameters.put(
              param.getName(),
              new OperationRules.ParameterRule(
                  schema.getPattern() == null ? null : Pattern.compile(schema.getPattern()),
                  schema.getMinimum(),
                  schema.getMaximum(),
                  schema.getExample() == null ? null : String.valueOf(schema.getExample())));
        }
      }
    }
    return new OperationRules(op.maxWindowDays(), accepted, oneOf, wholeSeries, parameters);
  }

  private static Duration readPublicationDelay(OpenAPI api) {
    Object delay =
        api.getInfo() == null || api.getInfo().getExtensions() == null
            ? null
            : api.getInfo().getExtensions().get("x-publication-delay");
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

  private static @Nullable LocalDate readFirstDay(OpenAPI api) {
    Map<String, Object> x =
        api.getInfo() == null || api.getInfo().getExtensions() == null
            ? Map.of()
            : api.getInfo().getExtensions();
    Object day = x.get("x-first-day-with-data");
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

  private static List<FieldSpec> readRowFields(Components components, String path, Operation get) {
    ApiResponse ok = get.getResponses() == null ? null : get.getResponses().get("200");
    if (ok == null) {
      throw new IllegalStateException(path + ": no 200 response in the spec");
    }
    ok = resolve(components, ok);
    MediaType json = ok.getContent() == null ? null : ok.getContent().get("application/json");
    if (json == null || json.getSchema() == null) {
      throw new IllegalStateException(path + ": the 200 response has no application/json schema");
    }
    Map<String, Schema<?>> envelope = properties(components, json.getSchema());
    Schema<?> data = envelope.get("data");
    if (data == null || data.getItems() == null) {
      throw new IllegalStateException(path + ": the 200 response has no data array");
    }
    List<FieldSpec> fields = new ArrayList<>();
    properties(components, data.getItems())
        .forEach(
            (name, schema) -> {
              Schema<?> s = resolve(components, schema);
              fields.add(
                  new FieldSpec(
                      name,
                      fieldType(s),
                      Boolean.TRUE.equals(s.getDeprecated()),
                      FieldRules.of(path + " " + name, s.getExtensions())));
            });
    FieldRules.check(path, fields);
    return fields;
  }

  /** The properties of a schema, following $ref and merging allOf, in declaration order. */
  private static Map<String, Schema<?>> properties(Components components, Schema<?> schema) {
    Schema<?> s = resolve(components, schema);
    Map<String, Schema<?>> merged = new LinkedHashMap<>();
    if (s.getAllOf() != null) {
      for (Schema<?> part : s.getAllOf()) {
        merged.putAll(properties(components, part));
      }
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach(merged::put);
    }
    return merged;
  }

  private static FieldType fieldType(Schema<?> s) {
    String type = s.getType();
    if (type == null && s.getTypes() != null && !s.getTypes().isEmpty()) {
      type = s.getTypes().iterator().next();
    }
    Map<String, Object> x = s.getExtensions() == null ? Map.of() : s.getExtensions();
    if (type == null) {
      return FieldType.STRING;
    }
    return switch (type) {
      case "number" -> FieldType.NUMBER;
      case "integer" -> FieldType.INTEGER;
      case "boolean" -> FieldType.BOOLEAN;
      case "array" -> FieldType.ARRAY;
      case "object" -> FieldType.OBJECT;
      default -> {
        if (Boolean.TRUE.equals(x.get("x-integer-string"))) {
          yield FieldType.INTEGER_STRING;
        } else if ("date-time".equals(s.getFormat())) {
          yield FieldType.DATE_TIME;
        } else if ("date".equals(s.getFormat())) {
          yield FieldType.DATE;
        }
        yield FieldType.STRING;
      }
    };
  }

  private static Map<Integer, String> readResultCodes(Components components) {
    Schema<?> resultCode =
        components.getSchemas() == null ? null : components.getSchemas().get("ResultCode");
    Map<Integer, String> codes = new TreeMap<>();
    if (resultCode != null
        && resultCode.getExtensions() != null
        && resultCode.getExtensions().get("x-error-codes") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> codes.put(Integer.valueOf(String.valueOf(k)), String.valueOf(v)));
    }
    return Collections.unmodifiableMap(codes);
  }

  private static Schema<?> resolve(Components components, Schema<?> schema) {
    Schema<?> s = schema;
    for (int depth = 0; s.get$ref() != null && depth < 16; depth++) {
      Schema<?> target = components.getSchemas().get(refName(s.get$ref()));
      if (target == null) {
        throw new IllegalStateException("unresolved schema " + s.get$ref());
      }
      s = target;
    }
    return s;
  }

  private static Parameter resolve(Components components, Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    Parameter target = components.getParameters().get(refName(p.get$ref()));
    if (target == null) {
      throw new IllegalStateException("unresolved parameter " + p.get$ref());
    }
    return target;
  }

  private static ApiResponse resolve(Components components, ApiResponse r) {
    if (r.get$ref() == null) {
      return r;
    }
    ApiResponse target = components.getResponses().get(refName(r.get$ref()));
    if (target == null) {
      throw new IllegalStateException("unresolved response " + r.get$ref());
    }
    return target;
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static final class Bundled {
    static final ApiSpec SPEC = parse(readClasspathSpec());
  }
}
