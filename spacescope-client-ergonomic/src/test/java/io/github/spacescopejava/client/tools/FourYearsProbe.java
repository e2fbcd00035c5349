package io.github.spacescopejava.client.tools;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Fetches four years of daily network power in one call against a local fake, six times, and prints
 * rows, requests and wall time. A measuring tool, not a test: see docs/measurements.md.
 */
public final class FourYearsProbe {
  private FourYearsProbe() {}

  public static void main(String[] args) {
    DateRange fourYears = DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31));
    try (SpaceScopeFake fake =
        SpaceScopeFake.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).start()) {
      for (int run = 0; run < 6; run++) {
        fake.resetRequests();
        try (SpaceScope spacescope =
            SpaceScope.builder()
                .baseUrl(fake.baseUrl())
                .token(fake.token())
                .clock(fake.clock())
                .build()) {
          long started = System.nanoTime();
          List<NetworkStorageCapacityRow> rows =
              spacescope.power().networkStorageCapacity(fourYears);
          long ms = (System.nanoTime() - started) / 1_000_000;
          System.out.printf(
              "run %d: %d rows (%s..%s), %d requests, %d ms%n",
              run,
              rows.size(),
              rows.get(0).getStatDateAsLocalDate(),
              rows.get(rows.size() - 1).getStatDateAsLocalDate(),
              fake.requests().size(),
              ms);
        }
      }
    }
  }
}
