package com.example.power;

// tag::power-report-test[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

@SpaceScopeFakeTest(clock = "2022-07-02T21:00:00Z") // day D is out at 21:00 UTC on D+1
class PowerReportTest {
  @Test
  void reportsThreeDaysOfPower(SpaceScopeFake fake) {
    try (SpaceScope spacescope =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .build()) {
      List<NetworkStorageCapacityRow> rows = new PowerReport(spacescope, fake.clock()).lastDays(3);

      assertThat(rows)
          .extracting(NetworkStorageCapacityRow::getStatDateAsLocalDate)
          .containsExactly(
              LocalDate.of(2022, 6, 29), LocalDate.of(2022, 6, 30), LocalDate.of(2022, 7, 1));
      assertThat(fake.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.queryParameter("end_date")).isEqualTo("2022-07-01"));
    }
  }
}
// end::power-report-test[]
