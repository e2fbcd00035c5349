package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortcut in front of the request validator (D37) certifies only what it reads: the values a
 * simple schema accepts, and only in a spec made of the features it knows. A spec edited to use
 * anything else leaves every request of that operation to the validator, so the fake's verdict
 * never depends on the shortcut. (QueryChecksTest compares the two on the bundled spec.)
 */
class QueryChecksFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v2/x";

  /** An operation with one parameter of each kind the shortcut reads. */
  private static final String API =
      """
      {"servers": [{"url": "https://api.spacescope.io"}],
       "paths": {"/v2/x": {"get": {"parameters": [
         {"name": "start_date", "in": "query", "required": false, "description": "d",
          "x-date-range-start": true, "schema": {"type": "string", "format": "date"}},
         {"name": "page_size", "in": "query", "required": true,
          "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 1000,
                     "example": 10, "default": 10, "description": "rows"}},
         {"name": "deal_id", "in": "query", "schema": {"type": "integer", "format": "int64"}},
         {"name": "height", "in": "query", "schema": {"type": "integer", "minimum": -5}},
         {"name": "miner_id", "in": "query", "schema": {"type": "string", "pattern": "^f0[0-9]{1,19}$"}},
         {"name": "label", "in": "query", "schema": {"type": "string"}}
       ]}}}}
      """;

  private static ObjectNode api() {
    try {
      return (ObjectNode) JSON.readTree(API);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode get(ObjectNode api) {
    return (ObjectNode) api.path("paths").path(PATH).path("get");
  }

  private static ObjectNode parameter(ObjectNode api, int i) {
    return (ObjectNode) get(api).path("parameters").get(i);
  }

  private static QueryChecks checks(ObjectNode api) {
    Map<String, JsonNode> gets = new HashMap<>();
    api.path("paths").properties().forEach(e -> gets.put(e.getKey(), e.getValue().get("get")));
    return QueryChecks.of(api, gets, p -> p);
  }

  private static Map<String, List<String>> query(String text) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (!text.isEmpty()) {
      for (String pair : text.split("&")) {
        String[] kv = pair.split("=", -1);
        q.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv[1]);
      }
    }
    return q;
  }

  private static final QueryChecks PLAIN = checks(api());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "page_size=10                                | true",
        "page_size=1&start_date=2022-07-01           | true",
        "page_size=1000&deal_id=9223372036854775807  | true",
        "page_size=10&height=-5                      | true",
        "page_size=10&miner_id=f0110804&label=a b    | true",
        "''                                          | false",
        "start_date=2022-07-01                       | false",
        "page_size=0                                 | false",
        "page_size=1001                              | false",
        "page_size=2147483648                        | false",
        "page_size=010                               | false",
        "page_size=-0                                | false",
        "page_size=1e1                               | false",
        "page_size=                                  | false",
        "page_size=10&page_size=10                   | false",
        "page_size=10&unknown=1                      | false",
        "page_size=10&height=-6                      | false",
        "page_size=10&deal_id=9223372036854775808    | false",
        "page_size=10&start_date=2022-02-30          | false",
        "page_size=10&start_date=0999-07-01          | false",
        "page_size=10&start_date=2022-7-1            | false",
        "page_size=10&miner_id=f1110804              | false",
        "page_size=10&label=é                        | false",
        "page_size=10&label=a\tb                     | false",
      })
  void aSimpleSchemaCertifiesTheValuesItAccepts(String query, boolean certified) {
    assertThat(PLAIN.certifies("GET", PATH, query(query), null)).isEqualTo(certified);
  }

  @Test
  void onlyAGetOfAKnownPathAskingForJsonIsCertified() {
    Map<String, List<String>> q = query("page_size=10");

    assertThat(PLAIN.certifies("GET", PATH, q, "application/json")).isTrue();
    assertThat(PLAIN.certifies("GET", PATH, q, "*/*")).isTrue();
    assertThat(PLAIN.certifies("GET", PATH, q, "text/html")).isFalse();
    assertThat(PLAIN.certifies("POST", PATH, q, null)).isFalse();
    assertThat(PLAIN.certifies("GET", "/v2/y", q, null)).isFalse();
  }

  static Stream<Arguments> unread() {
    return Stream.<Arguments>of(
        edit("a server URL with a path", a -> server(a, "https://api.spacescope.io/api")),
        edit("a server URL that is not a URL", a -> server(a, "http://[bad")),
        edit(
            "a templated path",
            a -> ((ObjectNode) a.path("paths")).set("/v2/{id}", JSON.createObjectNode())),
        edit(
            "path-level parameters",
            a ->
                ((ObjectNode) a.path("paths").path(PATH))
                    .set("parameters", JSON.createArrayNode())),
        edit("a request body", a -> get(a).set("requestBody", JSON.createObjectNode())),
        edit("a parameter key it does not read", a -> parameter(a, 0).put("style", "form")),
        edit("a header parameter", a -> parameter(a, 1).put("in", "header")),
        edit("a parameter without a name", a -> parameter(a, 1).put("name", "")),
        edit("a parameter whose name is a number", a -> parameter(a, 1).put("name", 7)),
        edit("required that is not a boolean", a -> parameter(a, 1).put("required", "yes")),
        edit("a parameter without a schema", a -> parameter(a, 1).remove("schema")),
        edit("a schema that is not an object", a -> parameter(a, 1).put("schema", "integer")),
        edit(
            "a schema key it does not read", a -> schema(a, 1).set("enum", JSON.createArrayNode())),
        edit("a pattern outside plain regex", a -> schema(a, 4).put("pattern", "^f0\\d+$")),
        edit("a pattern that is no regex", a -> schema(a, 4).put("pattern", "^f0[0-9$")),
        edit("a pattern that is not text", a -> schema(a, 4).put("pattern", 5)),
        edit("a minimum that is not a number", a -> schema(a, 1).put("minimum", "1")),
        edit("a maximum that is not a number", a -> schema(a, 1).put("maximum", "1000")),
        edit("a date-time", a -> schema(a, 0).put("format", "date-time")),
        edit("a date with a pattern", a -> schema(a, 0).put("pattern", "^2")),
        edit("a date with a minimum", a -> schema(a, 0).put("minimum", 1)),
        edit("a string with a maximum", a -> schema(a, 5).put("maximum", 1)),
        edit("an integer with a pattern", a -> schema(a, 2).put("pattern", "^1")),
        edit("an int32 with a pattern", a -> schema(a, 1).put("pattern", "^1")),
        edit("an integer without a format with a pattern", a -> schema(a, 3).put("pattern", "^1")),
        edit("an int16", a -> schema(a, 1).put("format", "int16")),
        edit("a boolean", a -> schema(a, 5).put("type", "boolean")),
        edit("a schema without a type", a -> schema(a, 5).remove("type")),
        edit("a name given twice", a -> parameter(a, 5).put("name", "miner_id")));
  }

  private static Arguments edit(String what, Consumer<ObjectNode> change) {
    return Arguments.of(what, change);
  }

  private static ObjectNode schema(ObjectNode api, int i) {
    return (ObjectNode) parameter(api, i).path("schema");
  }

  private static void server(ObjectNode api, String url) {
    ((ArrayNode) api.path("servers")).addObject().put("url", url);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unread")
  void aSpecFeatureItDoesNotReadLeavesTheOperationToTheValidator(
      String what, Consumer<ObjectNode> change) {
    ObjectNode api = api();
    change.accept(api);

    QueryChecks checks = checks(api);
    assertThat(checks.certifies("GET", PATH, query("page_size=10"), null)).isFalse();
    assertThat(checks.certifies("GET", PATH, query(""), null)).isFalse();
  }

  @Test
  void aServerAtTheRootAndAnotherOperationChangeNothing() {
    ObjectNode api = api();
    server(api, "https://example.org/");
    server(api, "https://example.org");
    ((ObjectNode) api.path("paths")).putObject("/v2/other").putObject("get");
    ((ObjectNode) api.path("paths")).putObject("/v2/post-only").putObject("post");

    QueryChecks checks = checks(api);
    assertThat(checks.certifies("GET", PATH, query("page_size=10"), null)).isTrue();
    assertThat(checks.certifies("GET", "/v2/other", query(""), null)).isTrue();
    assertThat(checks.certifies("GET", "/v2/other", query("page_size=10"), null)).isFalse();
    assertThat(checks.certifies("GET", "/v2/post-only", query(""), null)).isFalse();
  }
}
