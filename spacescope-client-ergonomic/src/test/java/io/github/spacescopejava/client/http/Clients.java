package io.github.spacescopejava.client.http;

import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Duration;

/** Clients pointed at the fake, with retries fast enough for tests. */
final class Clients {
  static final RetryPolicy FAST_RETRIES =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(5))
          .maxTotalTime(Duration.ofSeconds(10))
          .build();

  private Clients() {}

  static SpaceScope.Builder against(SpaceScopeFake fake) {
    return SpaceScope.builder()
        .baseUrl(fake.baseUrl())
        .token(fake.token())
        .clock(fake.clock())
        .retryPolicy(FAST_RETRIES);
  }
}
