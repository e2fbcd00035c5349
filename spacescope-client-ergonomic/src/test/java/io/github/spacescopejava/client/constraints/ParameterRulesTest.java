package io.github.spacescopejava.client.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.OperationParameter;
import io.github.spacescopejava.client.OperationParameter.Role;
import io.github.spacescopejava.client.Operations;
import io.github.spacescopejava.client.ProviderId;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-parameter rules come from the generated catalog, not from Java: a rule built here (as an
 * edited spec would generate it) decides what is accepted, and ProviderId and DealSearch accept
 * exactly what the shipped catalog's rules accept. That an edited spec changes the built client end
 * to end is shown by SpecEditBuildIT (spacescope-cli), which builds a copy of the repository.
 */
class ParameterRulesTest {
  private static final OperationParameter NARROW_MINER_ID =
      rule("miner_id", "^f0[0-9]{1,4}$", null, null, List.of());
  private static final OperationParameter SMALL_PAGE =
      rule("page_size", null, new BigDecimal("1"), new BigDecimal("50"), List.of());
  private static final OperationParameter REGION =
      rule("region", null, null, null, List.of("asia", "europe"));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(NARROW_MINER_ID, "f01234", true),
        Arguments.of(NARROW_MINER_ID, "f012345", false),
        Arguments.of(NARROW_MINER_ID, "f01234\n", false),
        Arguments.of(NARROW_MINER_ID, "F01234", false),
        Arguments.of(SMALL_PAGE, 1, true),
        Arguments.of(SMALL_PAGE, 50, true),
        Arguments.of(SMALL_PAGE, 51, false),
        Arguments.of(SMALL_PAGE, 0, false),
        Arguments.of(SMALL_PAGE, 50L, true),
        Arguments.of(REGION, "europe", true),
        Arguments.of(REGION, "mars", false),
        Arguments.of(REGION, null, true));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("cases")
  void aRuleAcceptsWhatItStates(OperationParameter rule, Object value, boolean accepted) {
    assertThat(rule.accepts(value)).isEqualTo(accepted);
  }

  @Test
  void theMessageQuotesTheRulesBounds() {
    assertThat(ApiParameterValidator.message("{minimum} to {maximum}", SMALL_PAGE))
        .isEqualTo("1 to 50");
    assertThat(
            ApiParameterValidator.message(
                "{minimum} to {maximum}", Operations.parameter("page_size").orElseThrow()))
        .isEqualTo("1 to 1000");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"f0", "f01", "f0110804", "f01234567890123456789", "f012345678901234567890", "x"})
  void providerIdAcceptsExactlyWhatTheCatalogsMinerIdRuleAccepts(String value) {
    boolean rule = Operations.parameter("miner_id").orElseThrow().accepts(value);
    boolean accepted;
    try {
      ProviderId.of(value);
      accepted = true;
    } catch (InvalidInputException e) {
      accepted = false;
    }
    assertThat(accepted).isEqualTo(rule);
  }

  @Test
  void theLargestPageSizeIsTheCatalogs() {
    BigDecimal max = Operations.parameter("page_size").orElseThrow().maximum();
    assertThat(DealSearch.MAX_PAGE_SIZE).isEqualTo(max.intValueExact()).isEqualTo(1000);
    assertThat(DealSearch.builder().dealId(1).pageSize(DealSearch.MAX_PAGE_SIZE).build().pageSize())
        .isEqualTo(1000);
    try {
      DealSearch.builder().dealId(1).pageSize(DealSearch.MAX_PAGE_SIZE + 1).build();
      throw new AssertionError("accepted a page size over the maximum");
    } catch (InvalidInputException e) {
      assertThat(e.violations().get(0).accepted()).isEqualTo("1 to 1000");
    }
  }

  private static OperationParameter rule(
      String name, String pattern, BigDecimal min, BigDecimal max, List<String> values) {
    return new OperationParameter(
        name, name, Role.UNBOUND, false, "string", null, pattern, min, max, values, null);
  }
}
