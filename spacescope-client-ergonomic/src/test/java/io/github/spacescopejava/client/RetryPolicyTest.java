package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.RetryPolicy.Jitter;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  @Nested
  class Defaults {

    @Test
    void retryTwiceWithin30SecondsButNotOnLimits() {
      RetryPolicy policy = RetryPolicy.defaults();

      assertThat(policy.maxAttempts()).isEqualTo(3);
      assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(200));
      assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
      assertThat(policy.multiplier()).isEqualTo(2.0);
      assertThat(policy.jitter()).isEqualTo(Jitter.FULL);
      assertThat(policy.maxTotalTime()).isEqualTo(Duration.ofSeconds(30));
      assertThat(policy.retryOnLimitExceeded()).isFalse();
    }

    @Test
    void anUntouchedBuilderBuildsTheDocumentedDefaults() {
      // Compared with literal values, not with defaults(), which is itself built by the builder.
      assertThat(RetryPolicy.builder().build())
          .isEqualTo(
              new RetryPolicy(
                  3,
                  Duration.ofMillis(200),
                  Duration.ofSeconds(5),
                  2.0,
                  Jitter.FULL,
                  Duration.ofSeconds(30),
                  false));
    }

    @Test
    void toBuilderKeepsEveryProperty() {
      RetryPolicy custom =
          new RetryPolicy(
              7,
              Duration.ofMillis(10),
              Duration.ofSeconds(1),
              1.5,
              Jitter.HALF,
              Duration.ofMinutes(3),
              true);
      assertThat(custom.toBuilder().build()).isEqualTo(custom);
    }

    @Test
    void noneMakesASingleAttempt() {
      assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
      assertThat(RetryPolicy.none())
          .isEqualTo(RetryPolicy.defaults().toBuilder().maxAttempts(1).build());
    }
  }

  @Nested
  class Building {

    @Test
    void setsEveryProperty() {
      RetryPolicy policy =
          RetryPolicy.builder()
              .maxAttempts(5)
              .initialBackoff(Duration.ofMillis(50))
              .maxBackoff(Duration.ofSeconds(2))
              .multiplier(1.5)
              .jitter(Jitter.HALF)
              .maxTotalTime(Duration.ofMinutes(2))
              .retryOnLimitExceeded(true)
              .build();

      assertThat(policy)
          .isEqualTo(
              new RetryPolicy(
                  5,
                  Duration.ofMillis(50),
                  Duration.ofSeconds(2),
                  1.5,
                  Jitter.HALF,
                  Duration.ofMinutes(2),
                  true));
    }

    @Test
    void toBuilderCopiesEveryProperty() {
      RetryPolicy policy =
          RetryPolicy.builder()
              .maxAttempts(7)
              .jitter(Jitter.NONE)
              .retryOnLimitExceeded(true)
              .build();

      assertThat(policy.toBuilder().build()).isEqualTo(policy);
    }
  }

  @Nested
  class Refusals {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            maxAttempts 0          | retryPolicy.maxAttempts: 0 is not accepted; accepted: 1 or more (1 = no retry)
            maxAttempts -3         | retryPolicy.maxAttempts: -3 is not accepted; accepted: 1 or more (1 = no retry)
            initialBackoff -PT1S   | retryPolicy.initialBackoff: PT-1S is not accepted; accepted: a duration of zero or more
            initialBackoff PT6S    | retryPolicy.initialBackoff: PT6S is not accepted; accepted: at most maxBackoff PT5S
            maxBackoff -PT0.001S   | retryPolicy.maxBackoff: PT-0.001S is not accepted; accepted: a duration of zero or more
            maxBackoff PT0.1S      | retryPolicy.initialBackoff: PT0.2S is not accepted; accepted: at most maxBackoff PT0.1S
            maxTotalTime -PT1M     | retryPolicy.maxTotalTime: PT-1M is not accepted; accepted: a duration of zero or more
            multiplier 0.5         | retryPolicy.multiplier: 0.5 is not accepted; accepted: a finite number, 1 or more
            multiplier NaN         | retryPolicy.multiplier: NaN is not accepted; accepted: a finite number, 1 or more
            multiplier Infinity    | retryPolicy.multiplier: Infinity is not accepted; accepted: a finite number, 1 or more
            """)
    void refusesOutOfRangeProperties(String property, String message) {
      String[] parts = property.split(" ", 2);
      UnaryOperator<RetryPolicy.Builder> set =
          switch (parts[0]) {
            case "maxAttempts" -> b -> b.maxAttempts(Integer.parseInt(parts[1]));
            case "initialBackoff" -> b -> b.initialBackoff(Duration.parse(parts[1]));
            case "maxBackoff" -> b -> b.maxBackoff(Duration.parse(parts[1]));
            case "maxTotalTime" -> b -> b.maxTotalTime(Duration.parse(parts[1]));
            case "multiplier" -> b -> b.multiplier(Double.parseDouble(parts[1]));
            default -> throw new IllegalArgumentException(parts[0]);
          };

      assertThatThrownBy(() -> set.apply(RetryPolicy.builder()).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(message);
    }

    @Test
    void refusesMissingDurationsAndJitterAllAtOnce() {
      assertThatThrownBy(
              () ->
                  RetryPolicy.builder()
                      .maxAttempts(0)
                      .initialBackoff(null)
                      .maxBackoff(null)
                      .maxTotalTime(null)
                      .jitter(null)
                      .build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(InvalidInputException.Violation::parameter)
                      .containsExactly(
                          "retryPolicy.maxAttempts",
                          "retryPolicy.initialBackoff",
                          "retryPolicy.maxBackoff",
                          "retryPolicy.maxTotalTime",
                          "retryPolicy.jitter"));
    }

    @Test
    void acceptsZeroDurations() {
      RetryPolicy policy =
          RetryPolicy.builder()
              .initialBackoff(Duration.ZERO)
              .maxBackoff(Duration.ZERO)
              .maxTotalTime(Duration.ZERO)
              .build();

      assertThat(policy.maxTotalTime()).isZero();
    }
  }
}
