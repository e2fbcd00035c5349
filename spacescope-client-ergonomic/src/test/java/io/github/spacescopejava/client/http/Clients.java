package io.github.spacescopejava.client.http;

import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Clients pointed at the fake, with retries fast enough for tests. */
final class Clients {
  static final RetryPolicy FAST_RETRIES =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(5))
          .maxTotalTime(Duration.ofSeconds(10))
          .build();

  /** The token of clients pointed at a {@link TinyServer}. */
  static final String TINY_TOKEN = "tiny-token-0123456789";

  /** 2025-01-02T00:00:00Z: every day up to 2024-12-31 is published. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC);

  private Clients() {}

  /** A client pointed at a bare server, without retries. */
  static SpaceScope.Builder against(TinyServer server) {
    return SpaceScope.builder()
        .baseUrl(server.baseUrl())
        .token(TINY_TOKEN)
        .clock(CLOCK)
        .retryPolicy(RetryPolicy.none());
  }

  /** A success envelope with one network storage capacity row per day given. */
  static String capacityRows(String... days) {
    StringBuilder rows = new StringBuilder();
    for (String day : days) {
      if (rows.length() > 0) {
        rows.append(',');
      }
      rows.append("{\"stat_date\":\"")
          .append(day)
          .append("T00:00:00Z\",\"total_raw_bytes_power\":1}");
    }
    return "{\"request_id\":\"req-1\",\"code\":0,\"message\":\"success\",\"data\":[" + rows + "]}";
  }

  /** An error envelope. */
  static String errorEnvelope(int code, String message) {
    return "{\"request_id\":\"req-9\",\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"data\":null}";
  }

  /** The threads of SpaceScope clients and their JDK HTTP clients alive now. */
  static Set<Thread> clientThreads() {
    Set<Thread> out = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()
          && (t.getName().startsWith("HttpClient-") || t.getName().startsWith("spacescope-"))) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * Waits until {@code condition} holds, up to 60 s, asking for garbage collection meanwhile: on
   * JDK 17 an HttpClient's selector thread ends only once the client is unreferenced. The bound is
   * generous so that a loaded machine cannot make it flake; it is not a measure of speed.
   */
  static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      System.gc();
      Thread.sleep(100);
    }
    return condition.getAsBoolean();
  }

  static SpaceScope.Builder against(SpaceScopeFake fake) {
    return SpaceScope.builder()
        .baseUrl(fake.baseUrl())
        .token(fake.token())
        .clock(fake.clock())
        .retryPolicy(FAST_RETRIES);
  }
}
