package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fake reads the spec with Jackson (D37); the OpenAPI parser, which the request validator still
 * uses, must see the same document: the same operations, parameters, row fields with their types
 * and extensions, parameter bounds and result codes.
 */
class SpecReadingTest {
  private static final String TEXT = ApiSpec.readClasspathSpec();

  private static OpenAPI swagger() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(TEXT, null, options).getOpenAPI();
  }

  @Test
  void theOperationsAreThoseTheOpenApiParserReads() {
    OpenAPI api = swagger();
    Components c = api.getComponents();
    ApiSpec spec = ApiSpec.read(TEXT);
    List<String> expected = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              if (item.getGet() != null) {
                expected.add(path + " " + item.getGet().getOperationId());
              }
            });

    assertThat(spec.operations())
        .extracting(op -> op.path() + " " + op.operationId())
        .containsExactlyElementsOf(expected)
        .hasSize(78);
    for (OperationSpec op : spec.operations()) {
      Operation get = api.getPaths().get(op.path()).getGet();
      Map<String, Object> x = get.getExtensions();
      assertThat(op.shape().wireName()).isEqualTo(x.get("x-shape"));
      assertThat(op.maxWindowDays())
          .isEqualTo(x.get("x-max-window-days") instanceof Number n ? n.intValue() : 0);
      assertThat(op.perStorageProvider()).isEqualTo(x.get("x-per-storage-provider"));
      assertThat(op.rowDateField()).isEqualTo(x.get("x-row-date-field"));
      assertThat(op.allowsFutureDates())
          .isEqualTo(Boolean.TRUE.equals(x.get("x-allows-future-dates")));
      List<String> names = new ArrayList<>();
      Map<String, String> roles = new LinkedHashMap<>();
      for (Parameter p : get.getParameters()) {
        Parameter param = parameter(c, p);
        names.add(param.getName());
        if (param.getExtensions() != null) {
          param
              .getExtensions()
              .forEach(
                  (flag, v) -> {
                    if (Boolean.TRUE.equals(v)) {
                      roles.put(
                          flag.equals("x-search-filter")
                              ? OperationSpec.SEARCH_FILTER_PREFIX + param.getName()
                              : flag,
                          param.getName());
                    }
                  });
        }
        OperationRules.ParameterRule rule = spec.rules(op).parameter(param.getName());
        Schema<?> s = param.getSchema();
        assertThat(rule.pattern() == null ? null : rule.pattern().pattern())
            .isEqualTo(s.getPattern());
        assertThat(same(rule.minimum(), s.getMinimum())).as(op.path() + " min").isTrue();
        assertThat(same(rule.maximum(), s.getMaximum())).as(op.path() + " max").isTrue();
        if (s.getPattern() != null) { // the example is only ever shown next to a pattern
          assertThat(rule.example()).isEqualTo(String.valueOf(s.getExample()));
        }
      }
      assertThat(op.parameters()).containsExactlyElementsOf(names);
      assertThat(op.roles()).isEqualTo(roles);
      assertThat(spec.rules(op).acceptedWindowDays())
          .isEqualTo(
              x.get("x-accepted-window-days") instanceof Number n
                  ? n.intValue()
                  : op.maxWindowDays());
      assertThat(spec.rules(op).requiresOneOf())
          .containsExactlyElementsOf(
              x.get("x-requires-one-of") instanceof List<?> l
                  ? l.stream().map(String::valueOf).toList()
                  : List.of());
      assertRowFields(c, op, get);
    }
  }

  private static void assertRowFields(Components c, OperationSpec op, Operation get) {
    ApiResponse ok = get.getResponses().get("200");
    if (ok.get$ref() != null) {
      ok = c.getResponses().get(name(ok.get$ref()));
    }
    Schema<?> data = properties(c, ok.getContent().get("application/json").getSchema()).get("data");
    Map<String, Schema<?>> fields = properties(c, data.getItems());
    assertThat(op.rowFields())
        .extracting(OperationSpec.FieldSpec::name)
        .containsExactlyElementsOf(fields.keySet());
    for (OperationSpec.FieldSpec f : op.rowFields()) {
      Schema<?> s = schema(c, fields.get(f.name()));
      String where = op.path() + " " + f.name();
      assertThat(f.type().name()).as(where).isEqualTo(type(s));
      assertThat(f.deprecated()).as(where).isEqualTo(Boolean.TRUE.equals(s.getDeprecated()));
      FieldRules expected = FieldRules.of(where, s.getExtensions());
      assertThat(same(f.rules().typicalMagnitude(), expected.typicalMagnitude()))
          .as(where)
          .isTrue();
      assertThat(f.rules())
          .as(where)
          .usingRecursiveComparison()
          .ignoringFields("typicalMagnitude")
          .isEqualTo(expected);
    }
  }

  @Test
  void theResultCodesAndDatesAreThoseTheOpenApiParserReads() {
    OpenAPI api = swagger();
    ApiSpec spec = ApiSpec.read(TEXT);
    Map<Integer, String> codes = new TreeMap<>();
    ((Map<?, ?>)
            api.getComponents().getSchemas().get("ResultCode").getExtensions().get("x-error-codes"))
        .forEach((k, v) -> codes.put(Integer.valueOf(String.valueOf(k)), String.valueOf(v)));

    assertThat(spec.resultCodes()).isEqualTo(codes).containsKeys(10011, 30002, 30004);
    assertThat(spec.firstDayWithData())
        .hasToString(String.valueOf(api.getInfo().getExtensions().get("x-first-day-with-data")));
    assertThat(spec.publicationDelay())
        .hasToString(String.valueOf(api.getInfo().getExtensions().get("x-publication-delay")));
  }

  @Test
  void theTreeMadeAtBuildTimeIsTheYamlTreeAndServesOnlyThatYaml() throws Exception {
    JsonNode prebuilt = SpecTree.prebuilt(TEXT);

    assertThat(prebuilt).isNotNull().isEqualTo(SpecTree.ofYaml(TEXT));
    assertThat(SpecTree.prebuilt(TEXT.replace("x-max-window-days: 31", "x-max-window-days: 30")))
        .isNull();
    assertThat(SpecTree.prebuilt(TEXT + "\n")).isNull();
    assertThat(ApiSpec.readBundled().operations())
        .isEqualTo(ApiSpec.read(TEXT).operations())
        .hasSize(78);
  }

  @Test
  void extensionValuesAreWhatJacksonBindsToObject() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode tree = yaml.readTree(TEXT);
    JsonNode odd =
        yaml.readTree(
            "{a: 1, b: 3000000000, c: 20000000000000000000000, d: -1.0e+02, e: 2.5, f: true,"
                + " g: null, h: [1, x, {i: 2}], j: '7', k: 2022-07-01}");

    assertThat(ApiSpec.plain(tree)).isEqualTo(yaml.convertValue(tree, Object.class));
    assertThat(ApiSpec.plain(odd)).isEqualTo(yaml.convertValue(odd, Object.class));
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static String type(Schema<?> s) {
    String t = s.getType();
    Map<String, Object> x = s.getExtensions() == null ? Map.of() : s.getExtensions();
    if (t == null) {
      return "STRING";
    }
    return switch (t) {
      case "number" -> "NUMBER";
      case "integer" -> "INTEGER";
      case "boolean" -> "BOOLEAN";
      case "array" -> "ARRAY";
      case "object" -> "OBJECT";
      default ->
          Boolean.TRUE.equals(x.get("x-integer-string"))
              ? "INTEGER_STRING"
              : "date-time".equals(s.getFormat())
                  ? "DATE_TIME"
                  : "date".equals(s.getFormat()) ? "DATE" : "STRING";
    };
  }

  private static Map<String, Schema<?>> properties(Components c, Schema<?> schema) {
    Schema<?> s = schema(c, schema);
    Map<String, Schema<?>> merged = new LinkedHashMap<>();
    if (s.getAllOf() != null) {
      for (Schema<?> part : s.getAllOf()) {
        merged.putAll(properties(c, part));
      }
    }
    if (s.getProperties() != null) {
      s.getProperties().forEach(merged::put);
    }
    return merged;
  }

  private static Schema<?> schema(Components c, Schema<?> s) {
    while (s.get$ref() != null) {
      s = c.getSchemas().get(name(s.get$ref()));
    }
    return s;
  }

  private static Parameter parameter(Components c, Parameter p) {
    return p.get$ref() == null ? p : c.getParameters().get(name(p.get$ref()));
  }

  private static String name(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
