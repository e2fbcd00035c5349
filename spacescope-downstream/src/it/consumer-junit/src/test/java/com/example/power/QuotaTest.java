package com.example.power;

// tag::fault-test[]
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import org.junit.jupiter.api.Test;

@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z")
class QuotaTest {
  @Test
  void anExhaustedQuotaIsATypedException(SpaceScopeFake fake) {
    fake.given(Scenario.on("/v2/power/network_storage_capacity").always(Fault.errorCode(30001)));
    try (SpaceScope spacescope =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .build()) {
      PowerReport report = new PowerReport(spacescope, fake.clock());

      LimitExceededException e = assertThrows(LimitExceededException.class, () -> report.lastDays(3));

      assertThat(e.apiCode()).hasValue(30001);
      assertThat(e.endpoint()).hasValue("/v2/power/network_storage_capacity");
      assertThat(fake.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.code()).isEqualTo(30001));
    }
  }
}
// end::fault-test[]
