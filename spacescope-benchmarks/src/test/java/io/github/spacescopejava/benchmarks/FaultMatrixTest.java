package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@SpaceScopeFakeTest
class FaultMatrixTest {
  @Test
  void everyFaultEndsInTheDocumentedOutcomeAndTheTableInReliabilityMdIsCurrent(SpaceScopeFake fake)
      throws Exception {
    List<Throwable> thrown = new ArrayList<>();
    List<FaultMatrix.Outcome> outcomes = FaultMatrix.run(fake, thrown::add);

    assertThat(outcomes).hasSize(FaultMatrix.cases().size());
    assertThat(thrown).allSatisfy(t -> assertThat(t).isInstanceOf(SpaceScopeException.class));
    assertThat(outcomes)
        .filteredOn(o -> o.fault().startsWith("LATENCY 100"))
        .singleElement()
        .satisfies(o -> assertThat(o.result()).isEqualTo("3 rows"));
    assertThat(outcomes)
        .filteredOn(o -> !o.fault().startsWith("LATENCY 100"))
        .allSatisfy(o -> assertThat(o.result()).endsWith("Exception"))
        .allSatisfy(o -> assertThat(o.endpoint()).isEqualTo(FaultMatrix.PATH))
        .allSatisfy(
            o ->
                // The JDK HttpClient itself sends a GET again, once, when the connection ends
                // before any byte of the answer: 3 attempts of the client are 6 requests then.
                assertThat(o.attempts())
                    .isBetween(1, o.fault().equals("CONNECTION_RESET") ? 6 : 3));
    ReliabilityDoc.check("fault-matrix", FaultMatrix.table(outcomes));
  }
}
