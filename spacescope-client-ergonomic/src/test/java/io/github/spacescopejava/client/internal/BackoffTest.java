package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.RetryPolicy.Jitter;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:27:30Z");

  /** A generator whose nextDouble() is always {@code u}; nothing else is used by Backoff. */
  private static RandomGenerator fixed(double u) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException("Backoff draws only nextDouble()");
      }

      @Override
      public double nextDouble() {
        return u;
      }
    };
  }

  private static Backoff backoff(Jitter jitter, double u) {
    return new Backoff(RetryPolicy.builder().jitter(jitter).build(), fixed(u));
  }

  @Nested
  class ExponentialDelays {

    @ParameterizedTest(name = "before attempt {0}: {1} ms")
    @CsvSource({"2, 200", "3, 400", "4, 800", "5, 1600", "6, 3200", "7, 5000", "8, 5000"})
    void doubleFromTwoHundredMillisecondsUpToTheCapWithoutJitter(int attempt, long millis) {
      assertThat(backoff(Jitter.NONE, 0.0).delayBeforeAttempt(attempt))
          .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "attempt {0}")
    @ValueSource(ints = {40, 1100, Integer.MAX_VALUE})
    void neverExceedTheCapEvenForHugeAttemptNumbers(int attempt) {
      assertThat(backoff(Jitter.NONE, 0.0).delayBeforeAttempt(attempt))
          .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void stayConstantWithAMultiplierOfOne() {
      Backoff backoff =
          new Backoff(
              RetryPolicy.builder().multiplier(1.0).jitter(Jitter.NONE).build(), fixed(0.0));

      assertThat(IntStream.rangeClosed(2, 6).mapToObj(backoff::delayBeforeAttempt))
          .containsOnly(Duration.ofMillis(200));
    }

    @Test
    void areZeroWhenTheInitialBackoffIsZero() {
      Backoff backoff =
          new Backoff(
              RetryPolicy.builder().initialBackoff(Duration.ZERO).jitter(Jitter.NONE).build(),
              fixed(0.0));

      assertThat(backoff.delayBeforeAttempt(Integer.MAX_VALUE)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 0, -1})
    void refuseAttemptsThatHaveNoDelay(int attempt) {
      assertThatThrownBy(() -> backoff(Jitter.NONE, 0.0).delayBeforeAttempt(attempt))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("attempt " + attempt);
    }
  }

  @Nested
  class JitteredDelays {

    @ParameterizedTest(name = "{0} jitter, u = {1}, attempt {2}: {3} ms")
    @CsvSource({
      "FULL, 0.0,  2, 0",
      "FULL, 0.5,  2, 100",
      "FULL, 0.25, 3, 100",
      "FULL, 0.5,  9, 2500",
      "HALF, 0.0,  2, 100",
      "HALF, 0.5,  2, 200",
      "HALF, 0.75, 3, 500",
      "HALF, 0.0,  9, 2500",
      "HALF, 0.5,  9, 5000",
      "HALF, 0.75, 6, 4000",
      "HALF, 0.99, 6, 4768",
      // 5000 ms * 1.25 would pass the cap: capped.
      "HALF, 0.75, 7, 5000",
      "HALF, 0.99, 9, 5000",
    })
    void scaleTheDelayByTheRandomDraw(Jitter jitter, double u, int attempt, long millis) {
      assertThat(backoff(jitter, u).delayBeforeAttempt(attempt))
          .isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void areReproducibleWithASeededGenerator() {
      RetryPolicy policy = RetryPolicy.builder().maxAttempts(6).build();
      Backoff first = new Backoff(policy, new SplittableRandom(42));
      Backoff second = new Backoff(policy, new SplittableRandom(42));
      SplittableRandom draws = new SplittableRandom(42);

      for (int attempt = 2; attempt <= 6; attempt++) {
        long base = Math.min(5_000_000_000L, 200_000_000L << (attempt - 2));
        Duration expected = Duration.ofNanos(Math.round(base * draws.nextDouble()));

        assertThat(first.delayBeforeAttempt(attempt)).isEqualTo(expected);
        assertThat(second.delayBeforeAttempt(attempt)).isEqualTo(expected);
      }
    }

    @Test
    void fullJitterIsTheDefault() {
      assertThat(RetryPolicy.defaults().jitter()).isEqualTo(Jitter.FULL);
    }
  }

  @Nested
  class RetryAfter {

    @ParameterizedTest(name = "\"{0}\" -> {1} s")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            0                               | 0
            3                               | 3
            120                             | 120
            ' 7 '                           | 7
            Wed, 21 Oct 2015 07:28:00 GMT   | 30
            Wed, 21 Oct 2015 08:27:30 GMT   | 3600
            Wed, 21 Oct 2015 07:27:30 GMT   | 0
            Wed, 21 Oct 2015 07:00:00 GMT   | 0
            """)
    void readsDeltaSecondsAndHttpDates(String header, long seconds) {
      assertThat(Backoff.parseRetryAfter(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(
        strings = {
          " ",
          "-1",
          "1.5",
          "soon",
          "2015-10-21T07:28:00Z",
          "Wednesday, 21-Oct-15 07:28:00 GMT",
          "Wed Oct 21 07:28:00 2015"
        })
    void ignoresMissingOrUnreadableValues(String header) {
      assertThat(Backoff.parseRetryAfter(header, NOW)).isEmpty();
    }

    @Test
    void saturatesAbsurdlyLargeDeltaSeconds() {
      assertThat(Backoff.parseRetryAfter("99999999999999999999999", NOW))
          .contains(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" -> {1} ms")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            3                               | 3000
            120                             | 120000
            0                               | 400
            Wed, 21 Oct 2015 07:28:00 GMT   | 30000
            Wed, 21 Oct 2015 07:00:00 GMT   | 400
            not a number                    | 400
            """)
    void waitsAtLeastWhatTheServerAsksEvenBeyondTheCap(String header, long millis) {
      // Without Retry-After, attempt 3 waits 400 ms (no jitter); the cap is 5 s.
      assertThat(backoff(Jitter.NONE, 0.0).delayBeforeAttempt(3, header, NOW))
          .isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void keepsTheBackoffWhenThereIsNoHeader() {
      assertThat(backoff(Jitter.NONE, 0.0).delayBeforeAttempt(2, null, NOW))
          .isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void givesUpWhenTheServersWaitWouldOverrunTheBudget() {
      Backoff backoff = backoff(Jitter.NONE, 0.0);

      Duration wait = backoff.delayBeforeAttempt(2, "60", NOW);

      assertThat(wait).isEqualTo(Duration.ofSeconds(60));
      assertThat(backoff.withinBudget(Duration.ofSeconds(1), wait)).isFalse();
    }
  }

  @Nested
  class Budget {

    @ParameterizedTest(name = "elapsed {0} + delay {1} within 30 s: {2}")
    @CsvSource({
      "PT0S,     PT0.2S,       true",
      "PT29S,    PT1S,         true",
      "PT29S,    PT1.000000001S, false",
      "PT30S,    PT0S,         true",
      "PT31S,    PT0S,         false",
      "PT0S,     PT30S,        true",
      "PT0S,     PT31S,        false",
    })
    void allowsAWaitOnlyIfItEndsWithinMaxTotalTime(
        Duration elapsed, Duration delay, boolean expected) {
      assertThat(backoff(Jitter.NONE, 0.0).withinBudget(elapsed, delay)).isEqualTo(expected);
    }

    @Test
    void neverWaitsUnderAZeroBudget() {
      Backoff backoff =
          new Backoff(RetryPolicy.builder().maxTotalTime(Duration.ZERO).build(), fixed(0.5));

      assertThat(backoff.withinBudget(Duration.ZERO, backoff.delayBeforeAttempt(2))).isFalse();
    }

    @ParameterizedTest(name = "{0} attempts allowed, {1} made: another = {2}")
    @CsvSource({"3, 1, true", "3, 2, true", "3, 3, false", "1, 1, false", "5, 4, true"})
    void countsAttempts(int maxAttempts, int made, boolean expected) {
      Backoff backoff =
          new Backoff(RetryPolicy.builder().maxAttempts(maxAttempts).build(), fixed(0.0));

      assertThat(backoff.hasAttemptLeft(made)).isEqualTo(expected);
    }
  }
}
