package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.testkit.internal.OperationRules.ParameterRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What one operation accepts, as its spec states it, and the reason the fake gives for a 30002. */
class OperationRulesTest {
  private static final ParameterRule PAGE_SIZE =
      new ParameterRule(null, BigDecimal.ONE, new BigDecimal("1000"), "10");
  private static final ParameterRule FROM_ONE = new ParameterRule(null, BigDecimal.ONE, null, null);
  private static final ParameterRule UP_TO_TEN =
      new ParameterRule(null, null, BigDecimal.TEN, null);
  private static final ParameterRule MINER_ID =
      new ParameterRule(Pattern.compile("^f0[0-9]{1,19}$"), null, null, "f0110804");
  private static final ParameterRule CID =
      new ParameterRule(Pattern.compile("^baga[a-z2-7]+$"), null, null, null);

  private static final OperationRules RULES =
      new OperationRules(
          31,
          93,
          List.of("deal_id", "client_id"),
          null,
          Map.of("page_size", PAGE_SIZE, "miner_id", MINER_ID));

  @Test
  void theWindowIsTheDocsFigureWhenStrictAndTheAcceptedOneOtherwise() {
    assertThat(RULES.windowDays(true)).isEqualTo(31);
    assertThat(RULES.windowDays(false)).isEqualTo(93);
  }

  @Test
  void anAcceptedWindowBelowTheDocumentedOneIsRefused() {
    assertThatThrownBy(() -> new OperationRules(31, 30, List.of(), null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x-accepted-window-days 30 is below x-max-window-days 31");
    assertThat(new OperationRules(31, 31, List.of(), null, Map.of()).windowDays(false))
        .isEqualTo(31);
  }

  @Test
  void aParameterTheSpecDoesNotBoundAcceptsAnything() {
    assertThat(RULES.parameter("piece_cid").violation("piece_cid", "anything at all")).isNull();
    assertThat(RULES.parameter("page_size")).isSameAs(PAGE_SIZE);
  }

  @Test
  void theListsAndMapsAreCopies() {
    List<String> oneOf = new java.util.ArrayList<>(List.of("deal_id"));
    Map<String, ParameterRule> parameters = new java.util.HashMap<>(Map.of("page_size", PAGE_SIZE));
    OperationRules rules = new OperationRules(0, 0, oneOf, 3, parameters);
    oneOf.add("client_id");
    parameters.clear();

    assertThat(rules.requiresOneOf()).containsExactly("deal_id");
    assertThat(rules.parameter("page_size")).isSameAs(PAGE_SIZE);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "page_size | 1       | null",
        "page_size | 1000    | null",
        "page_size | 500.0   | null",
        "page_size | 0       | page_size 0 is out of range; accepted: 1 to 1000",
        "page_size | 1001    | page_size 1001 is out of range; accepted: 1 to 1000",
        "page_size | -5      | page_size -5 is out of range; accepted: 1 to 1000",
        "page_size | ten     | page_size 'ten' is not a number",
        "from_one  | 1       | null",
        "from_one  | 0.5     | from_one 0.5 is out of range; accepted: 1 or more",
        "up_to_ten | 10      | null",
        "up_to_ten | 11      | up_to_ten 11 is out of range; accepted: up to 10",
        "miner_id  | f0110804 | null",
        "miner_id  | f1110804 | miner_id 'f1110804' does not match ^f0[0-9]{1,19}$, for example f0110804",
        "cid       | bagaxyz | null",
        "cid       | BAGAXYZ | cid 'BAGAXYZ' does not match ^baga[a-z2-7]+$",
      })
  void aValueBreakingItsParametersSchemaIsNamedWithWhatIsAccepted(
      String name, String value, String violation) {
    ParameterRule rule =
        switch (name) {
          case "page_size" -> PAGE_SIZE;
          case "from_one" -> FROM_ONE;
          case "up_to_ten" -> UP_TO_TEN;
          case "miner_id" -> MINER_ID;
          default -> CID;
        };

    assertThat(rule.violation(name, value)).isEqualTo(violation);
  }
}
