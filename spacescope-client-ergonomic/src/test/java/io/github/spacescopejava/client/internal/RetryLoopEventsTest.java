package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
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

/**
 * What the retry loop tells of each attempt (decision D60), with a fake ticker and a recording
 * sleeper: exactly one outcome per attempt sent, in order, with the ticker's durations and the
 * backoff's delays.
 */
class RetryLoopEventsTest {
  private static final RequestContext CTX =
      Contexts.request("/v2/x", null, "2024-01-01..2024-01-01");
  private static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(100))
          .multiplier(2)
          .maxBackoff(Duration.ofSeconds(10))
          .jitter(RetryPolicy.Jitter.NONE)
          .maxTotalTime(Duration.ofSeconds(30))
          .build();
  // Each attempt takes 7 ms on the fake ticker.
  private static final long ATTEMPT_NANOS = Duration.ofMillis(7).toNanos();

  private final AtomicLong now = new AtomicLong();
  private final Semaphore permits = new Semaphore(2);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<String> heard = new ArrayList<>();

  private final RetryLoop.Attempts<String> recorder =
      new RetryLoop.Attempts<>() {
        @Override
        public void sent(int attempt) {
          assertThat(permits.availablePermits()).as("sent while holding a slot").isEqualTo(1);
          heard.add("sent " + attempt);
        }

        @Override
        public void answered(int attempt, String result, long nanos) {
          heard.add("answered " + attempt + " " + result + " " + Duration.ofNanos(nanos));
        }

        @Override
        public void retried(int attempt, Failure failure, Duration delay, long nanos) {
          heard.add(
              "retried "
                  + attempt
                  + " "
                  + CallEvents.reason(failure)
                  + " after "
                  + delay
                  + " took "
                  + Duration.ofNanos(nanos));
        }

        @Override
        public void failed(int attempt, SpaceScopeException exception, long nanos) {
          heard.add(
              "failed "
                  + attempt
                  + " "
                  + exception.getClass().getSimpleName()
                  + " took "
                  + Duration.ofNanos(nanos));
        }
      };

  private RetryLoop loop() {
    return new RetryLoop(
        POLICY,
        new Backoff(POLICY, RandomGenerator.getDefault()),
        d -> now.addAndGet(d.toNanos()),
        now::get,
        Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC),
        permits,
        closed::get,
        NOPLogger.NOP_LOGGER);
  }

  private static final class Thrown extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Failure failure;

    Thrown(Failure failure) {
      this.failure = failure;
    }
  }

  private static Failure serverError() {
    return new Failure(
        new ServerException("HTTP 503", Contexts.withResponse(CTX, 503, null, null, null), null),
        Failure.Retry.TRANSIENT,
        null);
  }

  private static Failure refused() {
    return new Failure(
        new InvalidRequestException(
            "30002", Contexts.withResponse(CTX, 200, 30002, "bad", "r"), null),
        Failure.Retry.NEVER,
        null);
  }

  private String run(Supplier<String> attempt) {
    return loop()
        .run(
            "test",
            CTX,
            () -> {
              now.addAndGet(ATTEMPT_NANOS);
              return attempt.get();
            },
            ex -> ((Thrown) ex).failure,
            recorder);
  }

  private static Supplier<String> failing(int times, Supplier<Failure> failure) {
    AtomicInteger n = new AtomicInteger();
    return () -> {
      if (n.incrementAndGet() <= times) {
        throw new Thrown(failure.get());
      }
      return "ok";
    };
  }

  @Test
  void oneRetryThenAnAnswerIsToldInOrder() {
    assertThat(run(failing(1, RetryLoopEventsTest::serverError))).isEqualTo("ok");

    assertThat(heard)
        .containsExactly(
            "sent 1",
            "retried 1 SERVER_ERROR after PT0.1S took PT0.007S",
            "sent 2",
            "answered 2 ok PT0.007S");
  }

  @Test
  void attemptsRunningOutEndWithTheLastFailure() {
    assertThatThrownBy(() -> run(failing(9, RetryLoopEventsTest::serverError)))
        .isInstanceOf(ServerException.class);

    assertThat(heard)
        .containsExactly(
            "sent 1",
            "retried 1 SERVER_ERROR after PT0.1S took PT0.007S",
            "sent 2",
            "retried 2 SERVER_ERROR after PT0.2S took PT0.007S",
            "sent 3",
            "failed 3 ServerException took PT0.007S");
  }

  @Test
  void aFailureNeverRetriedIsToldAsFailedAtOnce() {
    assertThatThrownBy(() -> run(failing(1, RetryLoopEventsTest::refused)))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(heard).containsExactly("sent 1", "failed 1 InvalidRequestException took PT0.007S");
  }

  @Test
  void closingDuringAnAttemptIsToldAsTheClosedFailure() {
    Supplier<String> closesThenFails =
        () -> {
          closed.set(true);
          throw new Thrown(serverError());
        };

    assertThatThrownBy(() -> run(closesThenFails)).isInstanceOf(ClientClosedException.class);

    assertThat(heard).containsExactly("sent 1", "failed 1 ClientClosedException took PT0.007S");
  }

  @Test
  void aClosedClientSendsNothingAndTellsNothing() {
    closed.set(true);

    assertThatThrownBy(() -> run(() -> "ok")).isInstanceOf(ClientClosedException.class);

    assertThat(heard).isEmpty();
  }
}
