package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row rules a spec declares (D26) are read as written, and a spec whose rules cannot be
 * followed (a field that is not there or not a number, a value that depends on itself) is refused
 * with the operation and the field named, before any row is made from it.
 */
class FieldRulesTest {
  private static final String PATH = "/v2/power/imaginary";

  @Nested
  class Reading {
    @Test
    void aPropertyWithoutExtensionsHasNoRules() {
      assertThat(FieldRules.of("f", null)).isEqualTo(FieldRules.NONE);
      assertThat(FieldRules.of("f", Map.of())).isEqualTo(FieldRules.NONE);
    }

    @Test
    void everyExtensionIsReadAsWritten() {
      Map<String, Object> x = new HashMap<>();
      x.put("x-typical-magnitude", 2e15);
      x.put("x-whole-number", true);
      x.put("x-cumulative", true);
      x.put("x-sum-of", List.of("a", "-b"));
      x.put("x-not-greater-than", "c");
      x.put("x-top-n", 10);
      x.put("x-ranked-by", "d");

      assertThat(FieldRules.of("f", x))
          .isEqualTo(
              new FieldRules(
                  new BigDecimal("2.0E+15"),
                  true,
                  true,
                  List.of("a", "-b"),
                  List.of("c"),
                  10,
                  "d"));
    }

    @Test
    void flagsOtherThanTrueAreOff() {
      FieldRules rules =
          FieldRules.of(
              "f", Map.of("x-whole-number", "true", "x-cumulative", false, "x-ranked-by", "d"));

      assertThat(rules.wholeNumber()).isFalse();
      assertThat(rules.cumulative()).isFalse();
      assertThat(rules.typicalMagnitude()).isNull();
      assertThat(rules.topN()).isZero();
    }

    static Stream<Arguments> malformed() {
      return Stream.of(
          Arguments.of(
              Map.of("x-typical-magnitude", "big"),
              "row.f x-typical-magnitude must be a number, not 'big'"),
          Arguments.of(Map.of("x-top-n", "ten"), "row.f x-top-n must be a number, not 'ten'"),
          Arguments.of(
              Map.of("x-sum-of", 5),
              "row.f x-sum-of must be a field name or a list of them, not 5"),
          Arguments.of(
              Map.of("x-not-greater-than", Map.of("a", 1)),
              "row.f x-not-greater-than must be a field name or a list of them, not {a=1}"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedExtensionIsRefusedWithWhereItIs(Map<String, Object> x, String message) {
      assertThatThrownBy(() -> FieldRules.of("row.f", x))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(message);
    }

    @Test
    void aFieldDependsOnEveryFieldItNamesWithoutTheSignOfSubtractedParts() {
      FieldRules rules =
          new FieldRules(null, false, false, List.of("a", "-b"), List.of("c"), 0, null);

      assertThat(rules.dependencies()).containsExactly("a", "b", "c");
      assertThat(FieldRules.part("-b")).isEqualTo("b");
      assertThat(FieldRules.part("a")).isEqualTo("a");
      assertThat(FieldRules.subtracted("-b")).isTrue();
      assertThat(FieldRules.subtracted("a")).isFalse();
    }

    @Test
    void theListsAreCopies() {
      List<String> parts = new java.util.ArrayList<>(List.of("a"));
      FieldRules rules = new FieldRules(null, false, false, parts, parts, 0, null);
      parts.add("b");

      assertThat(rules.sumOf()).containsExactly("a");
      assertThat(rules.notGreaterThan()).containsExactly("a");
    }
  }

  @Nested
  class Checking {
    private static FieldSpec number(String name, FieldRules rules) {
      return new FieldSpec(name, FieldType.NUMBER, false, rules);
    }

    private static FieldRules sumOf(String... parts) {
      return new FieldRules(null, false, false, Arrays.asList(parts), List.of(), 0, null);
    }

    private static FieldRules notGreaterThan(String... bounds) {
      return new FieldRules(null, false, false, List.of(), Arrays.asList(bounds), 0, null);
    }

    @Test
    void rulesBetweenNumericFieldsWithoutACycleAreAccepted() {
      // A diamond: total = a + b, a <= c, b <= c; c is reached twice, which is no cycle.
      List<FieldSpec> fields =
          List.of(
              number("total", sumOf("a", "-b")),
              number("a", notGreaterThan("c")),
              new FieldSpec("b", FieldType.INTEGER, false, notGreaterThan("c")),
              number("c", FieldRules.NONE),
              new FieldSpec(
                  "rank",
                  FieldType.INTEGER,
                  false,
                  new FieldRules(null, false, false, List.of(), List.of(), 10, "total")),
              new FieldSpec("stat_date", FieldType.DATE_TIME, false));

      assertThatCode(() -> FieldRules.check(PATH, fields)).doesNotThrowAnyException();
    }

    static Stream<Arguments> refused() {
      return Stream.of(
          Arguments.of(
              "a part that is not in the row",
              List.of(number("total", sumOf("a", "missing")), number("a", FieldRules.NONE)),
              PATH + " total: its rules name 'missing', not a numeric field of the row"),
          Arguments.of(
              "a bound that is a string",
              List.of(
                  number("a", notGreaterThan("miner_id")),
                  new FieldSpec("miner_id", FieldType.STRING, false)),
              PATH + " a: its rules name 'miner_id', not a numeric field of the row"),
          Arguments.of(
              "a part that is an integer string",
              List.of(
                  number("a", sumOf("-price")),
                  new FieldSpec("price", FieldType.INTEGER_STRING, false)),
              PATH + " a: its rules name 'price', not a numeric field of the row"),
          Arguments.of(
              "a ranking by a date",
              List.of(
                  new FieldSpec(
                      "rank",
                      FieldType.INTEGER,
                      false,
                      new FieldRules(null, false, false, List.of(), List.of(), 10, "stat_date")),
                  new FieldSpec("stat_date", FieldType.DATE_TIME, false)),
              PATH + " rank: its rules name 'stat_date', not a numeric field of the row"),
          Arguments.of(
              "a sum written on a string",
              List.of(
                  new FieldSpec("label", FieldType.STRING, false, sumOf("a")),
                  number("a", FieldRules.NONE)),
              PATH + " label: rules on a field that is not numeric"),
          Arguments.of(
              "a field bounded by itself",
              List.of(number("a", notGreaterThan("a"))),
              PATH + " a: its rules depend on itself"),
          Arguments.of(
              "two fields that are each other's sum",
              List.of(number("a", sumOf("b")), number("b", sumOf("-a"))),
              PATH + " a: its rules depend on itself"),
          Arguments.of(
              "a cycle of three behind a field outside it",
              List.of(
                  number("top", sumOf("a")),
                  number("a", sumOf("b")),
                  number("b", notGreaterThan("c")),
                  number("c", sumOf("a"))),
              PATH + " a: its rules depend on itself"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aSpecWhoseRulesCannotBeFollowedIsRefused(
        String what, List<FieldSpec> fields, String message) {
      assertThatThrownBy(() -> FieldRules.check(PATH, fields))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(message);
    }

    @Test
    void theBundledSpecsRulesAreAccepted() {
      ApiSpec spec = ApiSpec.bundled();
      for (OperationSpec op : spec.operations()) {
        assertThatCode(() -> FieldRules.check(op.path(), op.rowFields()))
            .as(op.path())
            .doesNotThrowAnyException();
      }
    }
  }
}
