package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shortcut in front of the request validator (D37) never changes a verdict: for requests that
 * follow the spec and requests that break it in every way the tests could think of, on every
 * operation, {@link ApiSpec#validate} says exactly what the validator says. And a fake that only
 * sees requests following the spec never builds the validator.
 */
class QueryChecksTest {
  private static final String TEXT = ApiSpec.readClasspathSpec();

  /** Values that break, or nearly break, the schemas of the spec's parameters. */
  private static final List<String> ODD_VALUES =
      List.of(
          "",
          " ",
          "x",
          "0",
          "-0",
          "-1",
          "1",
          "010",
          "1000",
          "1001",
          "1e1",
          "2147483647",
          "2147483648",
          "9223372036854775807",
          "9223372036854775808",
          "2022-07-01",
          "2022-02-30",
          "2022-7-1",
          "0999-07-01",
          "2022-07-01T00:00:00Z",
          "2022-07-01T00:30:00Z",
          "f0110804",
          "F0110804",
          "f0",
          "f0110804\n",
          "f0110804 ",
          "f0\u0661\u0662",
          "baga" + "a".repeat(60),
          "baga" + "a".repeat(59) + "1");

  private static Map<String, List<String>> examples(ApiSpec spec, OperationSpec op) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : op.parameters()) {
      String example = spec.rules(op).parameter(name).example();
      query.put(name, List.of(example == null ? "1" : example));
    }
    return query;
  }

  @Test
  void requestsThatFollowTheSpecNeverBuildTheValidator() {
    ApiSpec spec = ApiSpec.read(TEXT);
    for (OperationSpec op : spec.operations()) {
      for (String accept : Arrays.asList(null, "application/json", "*/*")) {
        assertThat(spec.validate("GET", op.path(), examples(spec, op), accept))
            .as(op.path())
            .isEmpty();
      }
      Map<String, List<String>> required = new LinkedHashMap<>(examples(spec, op));
      required.keySet().retainAll(List.of("page_size", "deal_id"));
      assertThat(spec.validate("GET", op.path(), required, null)).as(op.path()).isEmpty();
    }

    assertThat(spec.validatorBuilt()).isFalse();
    assertThat(
            spec.validate(
                "GET", "/v2/power/network_storage_capacity", Map.of("day", List.of("1")), null))
        .containsExactly(
            "Query parameter 'day' is unexpected on path \"/v2/power/network_storage_capacity\"");
    assertThat(spec.validatorBuilt()).isTrue();
  }

  @Test
  void theShortcutAgreesWithTheValidatorOnEveryOperation() {
    ApiSpec spec = ApiSpec.read(TEXT);
    List<String> disagreements = new ArrayList<>();
    int certified = 0;
    int compared = 0;
    for (OperationSpec op : spec.operations()) {
      List<Map<String, List<String>>> queries = new ArrayList<>();
      Map<String, List<String>> examples = examples(spec, op);
      queries.add(Map.of());
      queries.add(examples);
      for (String name : op.parameters()) {
        for (String value : ODD_VALUES) {
          Map<String, List<String>> one = new LinkedHashMap<>(examples);
          one.put(name, List.of(value));
          queries.add(one);
        }
        Map<String, List<String>> twice = new LinkedHashMap<>(examples);
        twice.put(name, List.of(examples.get(name).get(0), examples.get(name).get(0)));
        queries.add(twice);
        Map<String, List<String>> without = new LinkedHashMap<>(examples);
        without.remove(name);
        queries.add(without);
      }
      Map<String, List<String>> unknown = new LinkedHashMap<>(examples);
      unknown.put("unknown_parameter", List.of("1"));
      queries.add(unknown);
      List<String[]> variants = new ArrayList<>();
      for (String accept :
          Arrays.asList(null, "application/json", "*/*", "text/html", "application/xml")) {
        for (String method : List.of("GET", "POST", "HEAD")) {
          variants.add(new String[] {method, accept});
        }
      }
      for (Map<String, List<String>> query : queries) {
        // Every method and accept header on the requests that follow the spec; GET on the others.
        boolean follows = query == examples || query.isEmpty();
        for (String[] v : follows ? variants : List.<String[]>of(new String[] {"GET", null})) {
          List<String> shortcut = spec.validate(v[0], op.path(), query, v[1]);
          List<String> full = spec.validateFully(v[0], op.path(), query, v[1]);
          compared++;
          if (full.isEmpty() && shortcut.isEmpty()) {
            certified++;
          }
          if (!shortcut.equals(full)) {
            disagreements.add(v[0] + " " + op.path() + " " + query + " " + v[1]);
          }
        }
      }
    }
    for (String path : List.of("/v2/power/unknown", "/v2/power/network_storage_capacity/")) {
      assertThat(spec.validate("GET", path, Map.of(), null))
          .isEqualTo(spec.validateFully("GET", path, Map.of(), null));
    }
    assertThat(spec.validate("GET", "/v2/power/unknown", Map.of(), null)).isNotEmpty();

    assertThat(disagreements).isEmpty();
    assertThat(certified).isGreaterThan(78 * 3);
    assertThat(compared).isGreaterThan(2_500);
  }
}
