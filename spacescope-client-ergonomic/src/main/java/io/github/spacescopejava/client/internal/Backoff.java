package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RetryPolicy;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Retry timing for a {@link RetryPolicy}. Pure: the random source is injected and "now" is a
 * parameter, so tests pin every delay.
 *
 * <p>Attempts are numbered from 1; attempt 1 is the first call and has no delay. The delay before
 * attempt {@code n >= 2} is {@code d = min(maxBackoff, initialBackoff * multiplier^(n-2))}, then
 * jittered with {@code u = random.nextDouble()} in [0, 1): {@code NONE} gives {@code d}, {@code
 * FULL} gives {@code d * u}, {@code HALF} gives {@code min(maxBackoff, d * (0.5 + u))}, rounded to
 * the nanosecond. With 200 ms, factor 2, a 5 s cap and no jitter: 200 ms, 400 ms, 800 ms, 1.6 s,
 * 3.2 s, 5 s, 5 s...
 *
 * <p>A server's {@code Retry-After} (delta-seconds, or an IMF-fixdate HTTP-date read against the
 * given {@code now}) is a lower bound: the delay becomes {@code max(backoff, retryAfter)}, not
 * capped by {@code maxBackoff}, because retrying earlier than the server asked is likely to fail
 * again. {@link #withinBudget} then decides whether that wait still fits into {@code maxTotalTime};
 * if not, the caller gives up at once rather than wait past its budget.
 */
final class Backoff {

  private final RetryPolicy policy;
  private final RandomGenerator random;

  /** Timing for {@code policy}, drawing jitter from {@code random}. */
  Backoff(RetryPolicy policy, RandomGenerator random) {
    this.policy = policy;
    this.random = random;
  }

  /** Whether another attempt is allowed after {@code attemptsMade} attempts. */
  public boolean hasAttemptLeft(int attemptsMade) {
    return attemptsMade < policy.maxAttempts();
  }

  /**
   * The delay before attempt {@code attempt} (2 for the first retry), jittered.
   *
   * @throws IllegalArgumentException if {@code attempt < 2}
   */
  public Duration delayBeforeAttempt(int attempt) {
    if (attempt < 2) {
      throw new IllegalArgumentException(
          "attempt " + attempt + " has no delay: attempts are numbered from 1, retries from 2");
    }
    double cap = saturatedNanos(policy.maxBackoff());
    double initial = saturatedNanos(policy.initialBackoff());
    double raw = initial == 0 ? 0 : initial * Math.pow(policy.multiplier(), attempt - 2.0);
    // !(raw < cap) also catches an infinite power.
    double base = !(raw < cap) ? cap : raw;
    double jittered =
        switch (policy.jitter()) {
          case NONE -> base;
          case FULL -> base * random.nextDouble();
          case HALF -> Math.min(cap, base * (0.5 + random.nextDouble()));
        };
    return Duration.ofNanos(Math.round(jittered));
  }

  /**
   * The delay before attempt {@code attempt}, at least what the server's {@code Retry-After} header
   * asks for. A missing or unreadable header is ignored.
   *
   * @param retryAfter the header's value, or null when the response had none
   * @param now the current instant, to read an HTTP-date against
   */
  public Duration delayBeforeAttempt(int attempt, @Nullable String retryAfter, Instant now) {
    Duration backoff = delayBeforeAttempt(attempt);
    return parseRetryAfter(retryAfter, now)
        .filter(serverDelay -> serverDelay.compareTo(backoff) > 0)
        .orElse(backoff);
  }

  /**
   * Whether waiting {@code nextDelay} after {@code elapsed} (since the first attempt began) still
   * ends within {@code maxTotalTime}: {@code elapsed + nextDelay <= maxTotalTime}.
   */
  public boolean withinBudget(Duration elapsed, Duration nextDelay) {
    return nextDelay.compareTo(policy.maxTotalTime().minus(elapsed)) <= 0;
  }

  /**
   * Reads a {@code Retry-After} value: delta-seconds ({@code 120}) or an IMF-fixdate ({@code Wed,
   * 21 Oct 2015 07:28:00 GMT}), the latter as the time from {@code now} (zero if already past). The
   * obsolete RFC 850 and asctime date forms are not read. Empty when the value is missing or
   * unreadable.
   */
  public static Optional<Duration> parseRetryAfter(@Nullable String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String text = value.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // More than 18 digits cannot be a real wait; saturate instead of overflowing.
      return Optional.of(
          text.length() > 18
              ? Duration.ofSeconds(Long.MAX_VALUE)
              : Duration.ofSeconds(Long.parseLong(text)));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static double saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
