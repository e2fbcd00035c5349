package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 32 threads share one client against a server that replaces 5 % of its answers (seeded) with a
 * fault: HTTP 500, an HTML 502, 429 with Retry-After, 30001, a reset, a truncated body, an answer
 * later than the read timeout. Every call must end with exactly the rows asked for, or with a typed
 * {@link SpaceScopeException}; after {@code close()} no thread of the client and no connection may
 * remain (on JDK 17, at most the JDK client's selector thread and what it holds: decision D64).
 * {@code -Dsoak.callsPerThread} sets the size: 15 in {@code ./mvnw verify}, 1,000 with {@code
 * -Psoak}.
 */
class SoakTest {
  static final int THREADS = 32;
  static final long SEED = 12;
  static final LocalDate FIRST = LocalDate.of(2023, 1, 1);

  @Test
  @Timeout(300)
  void sharedClientUnderFaultsReturnsExactRowsOrTypedErrorsAndLeavesNothingBehind()
      throws Exception {
    int callsPerThread = Integer.getInteger("soak.callsPerThread", 15);
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    AtomicLong wrong = new AtomicLong();
    AtomicLong untyped = new AtomicLong();
    AtomicLong withoutContext = new AtomicLong();
    Set<Thread> before = clientThreads();
    try (FaultyServer server = new FaultyServer(SEED, 0.05, Duration.ofMillis(800))) {
      SpaceScope client =
          SpaceScope.builder()
              .token("soak-token-0123456789abcdef")
              .baseUrl(server.baseUrl())
              .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
              .readTimeout(Duration.ofMillis(500))
              .maxConcurrentRequests(16)
              .retryPolicy(
                  RetryPolicy.builder()
                      .maxAttempts(3)
                      .initialBackoff(Duration.ofMillis(5))
                      .maxBackoff(Duration.ofMillis(50))
                      .maxTotalTime(Duration.ofSeconds(10))
                      .build())
              .build();
      CountDownLatch done = new CountDownLatch(THREADS);
      long t0 = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom random = new SplittableRandom(SEED * 1000 + t);
        Thread worker =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < callsPerThread; i++) {
                      LocalDate start = FIRST.plusDays(random.nextInt(600));
                      DateRange range = DateRange.of(start, start.plusDays(random.nextInt(31)));
                      String outcome;
                      try {
                        List<NetworkStorageCapacityRow> rows =
                            client.power().networkStorageCapacity(range);
                        if (!exact(range, rows)) {
                          wrong.incrementAndGet();
                        }
                        outcome = "rows";
                      } catch (SpaceScopeException e) {
                        if (e.endpoint().isEmpty() || e.window().isEmpty()) {
                          withoutContext.incrementAndGet();
                        }
                        outcome = e.getClass().getSimpleName();
                      } catch (RuntimeException | Error e) {
                        untyped.incrementAndGet();
                        outcome = "untyped " + e;
                      }
                      outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    }
                  } finally {
                    done.countDown();
                  }
                },
                "soak-" + t);
        worker.start();
      }
      done.await();
      long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      client.close();

      Map<String, Long> calls = new TreeMap<>();
      outcomes.forEach((k, v) -> calls.put(k, v.get()));
      String report =
          String.format(
              "soak: %d threads x %d calls in %d ms; calls by outcome %s; server answers %s;"
                  + " wrong or partial %d, untyped %d, typed without endpoint/window %d",
              THREADS,
              callsPerThread,
              elapsedMs,
              calls,
              server.sent(),
              wrong.get(),
              untyped.get(),
              withoutContext.get());
      System.out.println(report);
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "soak-report.txt"), report);

      assertThat(calls.values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo((long) THREADS * callsPerThread);
      assertThat(wrong.get()).as("wrong or partial results").isZero();
      assertThat(untyped.get()).as("untyped exceptions: %s", calls).isZero();
      assertThat(withoutContext.get()).as("typed exceptions without endpoint or window").isZero();
      assertThat(server.sent().get(FaultyServer.Answer.OK)).isPositive();
      assertThat(server.sent().entrySet())
          .as("the seed must inject every fault at least once, even in the small run")
          .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey().name()).isPositive());
      // What close() releases (D64): everything on JDK 21+; on JDK 17 the JDK client's selector
      // thread and what it holds may stay (CloseAfterBurstTest measures it).
      eventually(() -> CloseAfterBurstTest.left(before, server, 0).nothing());
      CloseAfterBurstTest.Left left = CloseAfterBurstTest.left(before, server, 0);
      System.out.println("soak: after close and GC: " + left);
      CloseAfterBurstTest.assertReleased(left, 16, report);
    }
  }

  /** Exactly one row per day of {@code range}, in order, each with the server's values. */
  static boolean exact(DateRange range, List<NetworkStorageCapacityRow> rows) {
    if (rows.size() != range.days()) {
      return false;
    }
    LocalDate day = range.start();
    for (NetworkStorageCapacityRow row : rows) {
      if (!OffsetDateTime.of(day.atStartOfDay(), ZoneOffset.UTC).equals(row.getStatDate())
          || row.getTotalQaBytesPower().compareTo(FaultyServer.qa(day)) != 0
          || row.getTotalRawBytesPower().compareTo(FaultyServer.raw(day)) != 0
          || row.getBaselinePower().compareTo(FaultyServer.baseline(day)) != 0) {
        return false;
      }
      day = day.plusDays(1);
    }
    return true;
  }

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

  static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = clientThreads();
    now.removeAll(before);
    return now;
  }

  /** Waits up to 60 s, asking for GC: on JDK 17 an HttpClient ends when it is unreferenced. */
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
}
