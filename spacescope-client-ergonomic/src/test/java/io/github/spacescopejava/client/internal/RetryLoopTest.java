package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

/** The retry loop with a fake ticker and a recording sleeper: every wait observed, none slept. */
class RetryLoopTest {
  private static final RequestContext CTX =
      Contexts.request("/v2/x", null, "2024-01-01..2024-01-01");
  private static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(4)
          .initialBackoff(Duration.ofMillis(100))
          .multiplier(2)
          .maxBackoff(Duration.ofSeconds(10))
          .jitter(RetryPolicy.Jitter.NONE)
          .maxTotalTime(Duration.ofSeconds(30))
          .build();

  private final List<Duration> waits = new ArrayList<>();
  private final AtomicLong now = new AtomicLong();
  private final Semaphore permits = new Semaphore(2);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger attempts = new AtomicInteger();

  private RetryLoop loop(RetryPolicy policy) {
    return new RetryLoop(
        policy,
        new Backoff(policy, RandomGenerator.getDefault()),
        d -> {
          waits.add(d);
          now.addAndGet(d.toNanos()); // waiting moves the ticker, as real time would
        },
        now::get,
        Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC),
        permits,
        closed::get,
        NOPLogger.NOP_LOGGER);
  }

  /** What an attempt throws here; the loop's classifier reads the failure back from it. */
  private static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Failure failure;

    Thrown(Failure failure) {
      this.failure = failure;
    }
  }

  private static Failure transient_() {
    return new Failure(new ServerException("30003", CTX, null), Failure.Retry.TRANSIENT, null);
  }

  private <T> T run(RetryPolicy policy, Supplier<T> attempt) {
    return loop(policy)
        .run(
            "test",
            CTX,
            () -> {
              attempts.incrementAndGet();
              assertThat(permits.availablePermits()).as("a slot is held per attempt").isEqualTo(1);
              return attempt.get();
            },
            ex -> ((Thrown) ex).failure);
  }

  private Supplier<String> failing(int times, Supplier<Failure> failure) {
    AtomicInteger n = new AtomicInteger();
    return () -> {
      if (n.incrementAndGet() <= times) {
        throw new Thrown(failure.get());
      }
      return "ok";
    };
  }

  @Test
  void transientFailuresWaitTheBackoffThenSucceed() {
    assertThat(run(POLICY, failing(3, RetryLoopTest::transient_))).isEqualTo("ok");

    assertThat(attempts).hasValue(4);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(permits.availablePermits()).isEqualTo(2);
  }

  @Test
  void theLastFailureLeavesWhenAttemptsRunOut() {
    assertThatThrownBy(() -> run(POLICY, failing(9, RetryLoopTest::transient_)))
        .isInstanceOf(ServerException.class);
    assertThat(attempts).hasValue(4);
    assertThat(waits).hasSize(3);
    assertThat(permits.availablePermits()).isEqualTo(2);
  }

  @Test
  void aFailureThatIsNeverRetriedLeavesAtOnce() {
    Failure refused =
        new Failure(new InvalidRequestException("30002", CTX, null), Failure.Retry.NEVER, null);
    assertThatThrownBy(() -> run(POLICY, failing(1, () -> refused)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(attempts).hasValue(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void limitsAreRetriedOnlyWhenThePolicyOptsIn() {
    Supplier<Failure> quota =
        () ->
            new Failure(
                new LimitExceededException("30001", LimitExceededException.Kind.QUOTA, CTX, null),
                Failure.Retry.LIMIT,
                null);
    assertThatThrownBy(() -> run(POLICY, failing(1, quota)))
        .isInstanceOf(LimitExceededException.class);
    assertThat(attempts).hasValue(1);

    attempts.set(0);
    RetryPolicy optIn = POLICY.toBuilder().retryOnLimitExceeded(true).build();
    assertThat(run(optIn, failing(1, quota))).isEqualTo("ok");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void retryAfterIsALowerBoundBeyondMaxBackoff() {
    Supplier<Failure> slowDown =
        () ->
            new Failure(
                new LimitExceededException(
                    "429", LimitExceededException.Kind.RATE_LIMIT, CTX, null),
                Failure.Retry.TRANSIENT,
                "12");
    assertThat(run(POLICY, failing(1, slowDown))).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aWaitThatWouldEndAfterTheBudgetEndsTheCallInstead() {
    RetryPolicy tight = POLICY.toBuilder().maxTotalTime(Duration.ofMillis(250)).build();
    // 100 ms fits (elapsed 0 + 100), 200 ms would end at 300 ms > 250 ms.
    assertThatThrownBy(() -> run(tight, failing(9, RetryLoopTest::transient_)))
        .isInstanceOf(ServerException.class);
    assertThat(waits).containsExactly(Duration.ofMillis(100));
    assertThat(attempts).hasValue(2);
  }

  @Test
  void timeSpentInAnAttemptCountsAgainstTheBudget() {
    RetryPolicy tight = POLICY.toBuilder().maxTotalTime(Duration.ofSeconds(1)).build();
    Supplier<String> slowAndFailing =
        () -> {
          now.addAndGet(Duration.ofMillis(950).toNanos());
          throw new Thrown(transient_());
        };
    assertThatThrownBy(() -> run(tight, slowAndFailing)).isInstanceOf(ServerException.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void aClosedClientStopsBeforeTheNextAttempt() {
    Supplier<String> closesThenFails =
        () -> {
          closed.set(true);
          throw new Thrown(transient_());
        };
    assertThatThrownBy(() -> run(POLICY, closesThenFails))
        .isInstanceOf(ClientClosedException.class)
        .hasCauseInstanceOf(ServerException.class);
    assertThat(attempts).hasValue(1);
    assertThat(permits.availablePermits()).isEqualTo(2);
  }

  @Test
  void anInterruptedAttemptIsNotRetriedAndTheFlagStays() {
    Supplier<String> interrupted =
        () -> {
          Thread.currentThread().interrupt();
          throw new Thrown(transient_());
        };
    try {
      assertThatThrownBy(() -> run(POLICY, interrupted))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("Interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anUnexpectedExceptionIsClassifiedNotLeaked() {
    RetryLoop loop = loop(POLICY);
    assertThatThrownBy(
            () ->
                loop.run(
                    "test",
                    CTX,
                    () -> {
                      throw new IllegalStateException("boom");
                    },
                    ex ->
                        new Failure(
                            new TransportException("mapped: " + ex.getMessage(), CTX, ex),
                            Failure.Retry.NEVER,
                            null)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("mapped: boom");
  }
}
