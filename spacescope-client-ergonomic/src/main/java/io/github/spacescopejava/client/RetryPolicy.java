package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How often and for how long the client retries a request that failed in a way a second try may fix
 * (transport failures, server errors). A quota or historical limit (30001, {@link
 * LimitExceededException}) is retried only when {@link #retryOnLimitExceeded()} is set.
 *
 * <p>The delay before retry k (attempt k + 1) is {@code min(maxBackoff, initialBackoff *
 * multiplier^(k-1))}, then jittered. With the defaults (3 attempts, 200 ms, factor 2, full jitter)
 * the second attempt waits a random time in [0, 200 ms), the third in [0, 400 ms). A server's
 * {@code Retry-After} is a lower bound: the client waits at least that long, even beyond {@code
 * maxBackoff}, and gives up instead when the wait would end after {@code maxTotalTime} from the
 * first attempt. No attempt starts after {@code maxTotalTime}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(5)
 *     .maxTotalTime(Duration.ofMinutes(2))
 *     .retryOnLimitExceeded(true)
 *     .build();
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1; 1 means no retry
 * @param initialBackoff the delay before the first retry, before jitter
 * @param maxBackoff the largest delay the backoff computes, before jitter ({@code Retry-After} may
 *     ask for longer)
 * @param multiplier the growth factor from one retry to the next, at least 1
 * @param jitter how the computed delay is randomized
 * @param maxTotalTime the time budget from the first attempt: no wait may end after it
 * @param retryOnLimitExceeded whether 30001 (quota or historical limit) is retried
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    Jitter jitter,
    Duration maxTotalTime,
    boolean retryOnLimitExceeded) {

  /** How a computed delay {@code d} is randomized. */
  public enum Jitter {
    /** Exactly {@code d}: deterministic, for tests and scripts. */
    NONE,
    /**
     * Uniform in {@code [0, d)}, the default ("full jitter"): spreads clients that failed together
     * the most, at the price of sometimes retrying almost at once.
     */
    FULL,
    /** Uniform in {@code [d/2, 3d/2)}, that is ±50 %, capped at {@code maxBackoff}. */
    HALF
  }

  private static final RetryPolicy DEFAULTS = builder().build();

  /**
   * Checks the policy.
   *
   * @throws InvalidInputException listing every rejected component, such as {@code
   *     retryPolicy.maxAttempts: 0 is not accepted; accepted: 1 or more}
   */
  public RetryPolicy {
    List<Violation> violations = new ArrayList<>();
    if (maxAttempts < 1) {
      violations.add(
          new Violation(
              "retryPolicy.maxAttempts",
              Integer.toString(maxAttempts),
              "1 or more (1 = no retry)"));
    }
    checkDuration(violations, "retryPolicy.initialBackoff", initialBackoff);
    checkDuration(violations, "retryPolicy.maxBackoff", maxBackoff);
    checkDuration(violations, "retryPolicy.maxTotalTime", maxTotalTime);
    if (initialBackoff != null
        && maxBackoff != null
        && !maxBackoff.isNegative()
        && initialBackoff.compareTo(maxBackoff) > 0) {
      violations.add(
          new Violation(
              "retryPolicy.initialBackoff",
              initialBackoff.toString(),
              "at most maxBackoff " + maxBackoff));
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      violations.add(
          new Violation(
              "retryPolicy.multiplier", Double.toString(multiplier), "a finite number, 1 or more"));
    }
    if (jitter == null) {
      violations.add(new Violation("retryPolicy.jitter", "null", "NONE, FULL or HALF"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /**
   * 3 attempts, 200 ms initial backoff doubling up to 5 s, full jitter, 30 s in all, 30001 not
   * retried.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialBackoff(initialBackoff)
        .maxBackoff(maxBackoff)
        .multiplier(multiplier)
        .jitter(jitter)
        .maxTotalTime(maxTotalTime)
        .retryOnLimitExceeded(retryOnLimitExceeded);
  }

  private static void checkDuration(
      List<Violation> violations, String parameter, @Nullable Duration value) {
    if (value == null) {
      violations.add(new Violation(parameter, "null", "a duration of zero or more"));
    } else if (value.isNegative()) {
      violations.add(new Violation(parameter, value.toString(), "a duration of zero or more"));
    }
  }

  /** Builds a {@link RetryPolicy}; every property starts at its default. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private Jitter jitter = Jitter.FULL;
    private Duration maxTotalTime = Duration.ofSeconds(30);
    private boolean retryOnLimitExceeded = false;

    private Builder() {}

    /** Attempts in all, at least 1 (default 3); 1 means no retry. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The delay before the first retry, before jitter (default 200 ms). */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    /** The largest computed delay, before jitter (default 5 s). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    /** The growth factor between retries, at least 1 (default 2.0). */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** How delays are randomized (default {@link Jitter#FULL}). */
    public Builder jitter(Jitter jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The time budget from the first attempt (default 30 s). */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = maxTotalTime;
      return this;
    }

    /** Whether 30001 (quota or historical limit) is retried (default false). */
    public Builder retryOnLimitExceeded(boolean retryOnLimitExceeded) {
      this.retryOnLimitExceeded = retryOnLimitExceeded;
      return this;
    }

    /**
     * The policy.
     *
     * @throws InvalidInputException listing every rejected property
     */
    public RetryPolicy build() {
      return new RetryPolicy(
          maxAttempts,
          initialBackoff,
          maxBackoff,
          multiplier,
          jitter,
          maxTotalTime,
          retryOnLimitExceeded);
    }
  }
}
