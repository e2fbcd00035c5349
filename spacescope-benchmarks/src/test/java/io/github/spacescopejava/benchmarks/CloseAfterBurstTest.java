package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18, point 7: what a client leaves behind after a burst of failing multi-window calls from
 * several threads, {@code close()} and a GC. Each call asks for 186 days (6 windows of 31 days)
 * from a server that faults 30 % of its answers (resets, truncated bodies, late answers, 5xx, 429,
 * 30001), without retries, so that most calls fail on one window and cancel their other windows
 * while those are on the wire. After {@code close()} it counts, every 100 ms with a GC, until all
 * are zero or 20 s have passed: the client's threads (the JDK client's {@code SelectorManager}
 * included), the connections the server still sees open, and the JDK client's pending operations
 * ({@code HttpClientImpl.pendingOperationCount}, read through the selector thread; it needs {@code
 * --add-opens java.net.http/jdk.internal.net.http}, which this module's tests get), and checks what
 * decision D64 promises: nothing left on JDK 21 and later; on JDK 17 the client's own threads gone
 * and at most the JDK client's selector thread left with what it holds. Sizes: {@code
 * -Dburst.callsPerThread} (12 in {@code ./mvnw verify}, 200 with {@code -Psoak}), 8 threads.
 */
class CloseAfterBurstTest {
  static final int THREADS = 8;
  static final int MAX_CONCURRENT_REQUESTS = 8;
  static final LocalDate FIRST = LocalDate.of(2022, 1, 1);

  /** What is left at one moment after close. */
  record Left(
      long millisAfterClose, int threads, int selectorThreads, int connections, long pending) {
    boolean nothing() {
      return threads == 0 && connections == 0 && pending == 0;
    }

    @Override
    public String toString() {
      return String.format(
          "%d ms: %d threads (%d SelectorManager), %d connections, %d pending operations",
          millisAfterClose, threads, selectorThreads, connections, pending);
    }
  }

  @Test
  @Timeout(300)
  void aBurstOfFailingMultiWindowCallsThenCloseReleasesWhatTheJdkAllows() throws Exception {
    int callsPerThread = Integer.getInteger("burst.callsPerThread", 12);
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    Set<Thread> before = SoakTest.clientThreads();
    // -Dburst.faults=RESET,TRUNCATED draws the faults from those only (to find what leaks where).
    FaultyServer.Answer[] faults =
        java.util.Arrays.stream(
                System.getProperty(
                        "burst.faults",
                        "HTTP_500,HTML_502,TOO_MANY_REQUESTS,QUOTA_30001,RESET,TRUNCATED,LATE")
                    .split(","))
            .map(FaultyServer.Answer::valueOf)
            .toArray(FaultyServer.Answer[]::new);
    try (FaultyServer server = new FaultyServer(18, 0.30, Duration.ofMillis(400), faults)) {
      SpaceScope client =
          SpaceScope.builder()
              .token("burst-token-0123456789abcdef")
              .baseUrl(server.baseUrl())
              .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
              .readTimeout(Duration.ofMillis(300))
              .maxConcurrentRequests(MAX_CONCURRENT_REQUESTS)
              .retryPolicy(RetryPolicy.none())
              .build();
      CountDownLatch done = new CountDownLatch(THREADS);
      for (int t = 0; t < THREADS; t++) {
        SplittableRandom random = new SplittableRandom(18_000L + t);
        Thread worker =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < callsPerThread; i++) {
                      LocalDate start = FIRST.plusDays(random.nextInt(500));
                      String outcome;
                      try {
                        int rows =
                            client
                                .power()
                                .networkStorageCapacity(DateRange.of(start, start.plusDays(185)))
                                .size();
                        outcome = rows == 186 ? "rows" : "wrong row count " + rows;
                      } catch (SpaceScopeException e) {
                        outcome = e.getClass().getSimpleName();
                      } catch (RuntimeException e) {
                        outcome = "untyped " + e;
                      }
                      outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    }
                  } finally {
                    done.countDown();
                  }
                },
                "burst-" + t);
        worker.start();
      }
      done.await();
      Left atClose = left(before, server, 0);
      long closedAt = System.nanoTime();
      client.close();

      List<Left> after = new ArrayList<>();
      Left now = left(before, server, 0);
      after.add(now);
      long deadline = closedAt + Duration.ofSeconds(20).toNanos();
      while (!now.nothing() && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(100);
        now = left(before, server, (System.nanoTime() - closedAt) / 1_000_000);
        if (after.size() < 3 || now.nothing() || System.nanoTime() >= deadline) {
          after.add(now);
        }
      }
      Map<String, Long> calls = new TreeMap<>();
      outcomes.forEach((k, v) -> calls.put(k, v.get()));
      String report =
          String.format(
              "close after burst, Java %s: %d threads x %d calls of 6 windows, faults %s, calls by"
                  + " outcome %s;"
                  + " server answers %s; before close: %s; after close: %s",
              Runtime.version(),
              THREADS,
              callsPerThread,
              java.util.Arrays.toString(faults),
              calls,
              server.sent(),
              atClose,
              after);
      System.out.println(report);

      assertThat(calls.values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo((long) THREADS * callsPerThread);
      assertThat(calls.keySet())
          .as("every call ends with its rows or a typed exception")
          .allSatisfy(k -> assertThat(k).doesNotStartWith("untyped").doesNotStartWith("wrong"));
      assertThat(calls.keySet()).as("the burst must fail calls").hasSizeGreaterThan(1);
      assertReleased(now, MAX_CONCURRENT_REQUESTS, report);
      SpaceScope closed = client;
      assertThat(
              org.assertj.core.api.Assertions.catchThrowable(
                  () -> closed.power().networkStorageCapacity(DateRange.of(FIRST, FIRST))))
          .isInstanceOf(ClientClosedException.class);
    }
  }

  /**
   * What README and decision D64 promise after {@code close()}: on JDK 21 and later nothing is
   * left; on JDK 17 the client's own threads end, and at most what the JDK client keeps of its own
   * (D64): its one selector thread, with its pending operations and the connections it holds.
   */
  static void assertReleased(Left now, int maxConcurrentRequests, String report) {
    if (Runtime.version().feature() >= 21) {
      assertThat(now.nothing()).as("nothing left after close on JDK 21+: %s", report).isTrue();
    } else {
      assertThat(now.threads())
          .as("on JDK 17 only the JDK client's selector thread may stay: %s", report)
          .isEqualTo(now.selectorThreads())
          .isLessThanOrEqualTo(1);
      assertThat(now.connections())
          .as(
              "on JDK 17 at most the connections of the pool, one per request in flight: %s",
              report)
          .isLessThanOrEqualTo(maxConcurrentRequests);
      if (now.selectorThreads() == 0) {
        assertThat(now.connections()).as("no selector thread, no connection: %s", report).isZero();
      }
    }
  }

  static Left left(Set<Thread> before, FaultyServer server, long millis) {
    Set<Thread> threads = SoakTest.newThreads(before);
    int selectors = 0;
    long pending = 0;
    for (Thread t : threads) {
      if (t.getClass().getName().endsWith("SelectorManager")) {
        selectors++;
        pending += pendingOperations(t);
      }
    }
    return new Left(millis, threads.size(), selectors, server.openConnections(), pending);
  }

  /** The JDK client's pending operations, through its selector thread's {@code owner}. */
  static long pendingOperations(Thread selectorManager) {
    try {
      Field owner = selectorManager.getClass().getDeclaredField("owner");
      owner.setAccessible(true);
      Object impl = owner.get(selectorManager);
      Field count = impl.getClass().getDeclaredField("pendingOperationCount");
      count.setAccessible(true);
      return ((AtomicLong) count.get(impl)).get();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the JDK client's pending operations (is java.net.http opened?)", e);
    }
  }
}
