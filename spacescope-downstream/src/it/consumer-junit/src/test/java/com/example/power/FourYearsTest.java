package com.example.power;

// tag::register-extension[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.RecordedRequest;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FourYearsTest {
  @RegisterExtension
  static SpaceScopeFakeExtension spacescope =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T21:00:00Z")).build();

  @Test
  void fourYearsArriveInWindowsOfAtMost90Days() {
    SpaceScopeFake fake = spacescope.fake();
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .build()) {
      List<NetworkStorageCapacityRow> rows =
          client
              .power()
              .networkStorageCapacity(
                  DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)));

      assertThat(rows).hasSize(1461);
      assertThat(rows.get(0).getStatDateAsLocalDate()).isEqualTo(LocalDate.of(2021, 1, 1));
      assertThat(rows.get(1460).getStatDateAsLocalDate()).isEqualTo(LocalDate.of(2024, 12, 31));
      List<RecordedRequest> requests = fake.requests();
      assertThat(requests).hasSize(17).allSatisfy(r -> assertThat(r.valid()).isTrue());
      assertThat(requests)
          .allSatisfy(
              r ->
                  assertThat(
                          LocalDate.parse(r.queryParameter("start_date"))
                              .plusDays(89)
                              .isBefore(LocalDate.parse(r.queryParameter("end_date"))))
                      .isFalse());
    }
  }
}
// end::register-extension[]
