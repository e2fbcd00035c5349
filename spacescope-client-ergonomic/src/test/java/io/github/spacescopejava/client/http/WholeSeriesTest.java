package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.SectorsScheduleExpirationRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operation marked {@code x-without-dates} in the spec (the v2 expiration schedule) offers its
 * whole series: one request without dates, as the docs' example URL and pystarboard send it.
 */
@SpaceScopeFakeTest(clock = "2024-03-15T22:00:00Z")
class WholeSeriesTest {
  @Test
  void theWholeExpirationScheduleInOneRequestWithoutDates(SpaceScopeFake fake) {
    List<SectorsScheduleExpirationRow> rows;
    try (SpaceScope spacescope = Clients.against(fake).build()) {
      rows = spacescope.power().sectorsScheduleExpiration();
    }

    LocalDate latest = fake.latestAvailableDay();
    assertThat(fake.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/v2/power/sectors_schedule_expiration");
              assertThat(r.query()).isEmpty();
            });
    assertThat(rows.get(0).getInterestDate().toLocalDate()).isEqualTo(LocalDate.of(2020, 8, 24));
    assertThat(rows.get(rows.size() - 1).getInterestDate().toLocalDate())
        .isEqualTo(latest.plusDays(540))
        .isAfter(latest);
    assertThat(rows)
        .extracting(r -> r.getInterestDate().toLocalDate())
        .isSorted()
        .doesNotHaveDuplicates()
        .hasSize(
            (int) (latest.plusDays(540).toEpochDay() - LocalDate.of(2020, 8, 24).toEpochDay()) + 1);
  }
}
