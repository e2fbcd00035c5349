package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioBookTest {
  private static final Fault F = Fault.errorCode(30003);

  static Stream<Arguments> schedules() {
    return Stream.of(
        Arguments.of(Scenario.on("op").once(F), "F....."),
        Arguments.of(Scenario.on("op").times(3, F), "FFF..."),
        Arguments.of(Scenario.on("op").always(F), "FFFFFF"),
        Arguments.of(Scenario.on("op").afterRequests(2).once(F), "..F..."),
        Arguments.of(Scenario.on("op").afterRequests(4).always(F), "....FF"),
        Arguments.of(Scenario.quotaExhaustedAfter(5), ".....F"),
        Arguments.of(Scenario.notReadyThenReady("op", 2), "FF...."));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("schedules")
  void scenarioSelectsTheRequestsItCounts(Scenario scenario, String expected) {
    ScenarioBook book = new ScenarioBook();
    book.add(scenario, scenario.operation());

    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < expected.length(); i++) {
      seen.append(book.consult("op").fault() == null ? '.' : 'F');
    }

    assertThat(seen).hasToString(expected);
  }

  @Test
  void aScenarioCountsOnlyTheRequestsToItsOperation() {
    ScenarioBook book = new ScenarioBook();
    book.add(Scenario.on("a").afterRequests(1).once(F), "a");

    List<Boolean> faulted = new ArrayList<>();
    for (String op : List.of("b", "a", "b", "a", "a")) {
      faulted.add(book.consult(op).fault() != null);
    }

    assertThat(faulted).containsExactly(false, false, false, true, false);
  }

  @Test
  void latenciesAddUpAndTheFirstOtherFaultWins() {
    ScenarioBook book = new ScenarioBook();
    book.add(Scenario.onEveryOperation().always(Fault.latency(Duration.ofMillis(100))), null);
    book.add(Scenario.onEveryOperation().always(Fault.emptyBody()), null);
    book.add(Scenario.onEveryOperation().always(Fault.latency(Duration.ofMillis(50))), null);
    book.add(Scenario.onEveryOperation().always(F), null);

    ScenarioBook.Decision d = book.consult("op");

    assertThat(d.delay()).isEqualTo(Duration.ofMillis(150));
    assertThat(d.fault()).isEqualTo(Fault.emptyBody());
  }

  @Test
  void scenariosRefuseNonsense() {
    assertThatThrownBy(() -> Scenario.on("op").times(0, F)).hasMessageContaining("times");
    assertThatThrownBy(() -> Scenario.on("op").afterRequests(-1).once(F))
        .hasMessageContaining("afterRequests");
    assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1))).hasMessageContaining("negative");
    assertThatThrownBy(() -> Fault.errorCode(0)).hasMessageContaining("success");
  }
}
