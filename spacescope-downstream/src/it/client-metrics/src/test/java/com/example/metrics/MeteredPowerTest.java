package com.example.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One call against the fake, and the meters a SimpleMeterRegistry then holds. */
class MeteredPowerTest {
  private static final String OPERATION = "/v2/power/network_storage_capacity";

  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  @Test
  void oneCallIsSeenInTheRegistry(SpaceScopeFake fake) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    WindowLog log = new WindowLog();
    // 100 days: two windows of at most 90 days.
    DateRange period = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 9));

    int rows;
    try (SpaceScope client =
        MeteredPower.client(
            SpaceScope.builder()
                .baseUrl(fake.baseUrl())
                .token(fake.token())
                .clock(fake.clock())
                .listener(log),
            registry)) {
      rows = MeteredPower.capacity(client, period).size();
    }

    assertThat(rows).isEqualTo(100);
    assertThat(
            registry
                .get("spacescope.requests")
                .tags("operation", OPERATION, "outcome", "success", "status", "200")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(registry.get("spacescope.rows").tags("operation", OPERATION).counter().count())
        .isEqualTo(100.0);
    assertThat(
            registry.get("spacescope.response.size").tags("operation", OPERATION).summary().count())
        .isEqualTo(2);
    assertThat(registry.find("spacescope.retries").counter()).isNull();
    assertThat(log.lines()).first().isEqualTo(OPERATION + ": 2 windows");
    assertThat(log.lines()).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain(fake.token()));
  }
}
