package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * One request with the retry policy applied (decision D9). Each attempt holds one of the client's
 * request slots; waits between attempts hold none. Time comes from an injected ticker and sleeper,
 * so tests observe every wait without sleeping.
 *
 * <p>Every failure leaves as a {@link SpaceScopeException}: the classifier maps whatever an attempt
 * throws. An interrupted caller is not retried (the interrupt flag stays set), and a closed client
 * ends the loop with {@link ClientClosedException} before any further attempt.
 */
final class RetryLoop {
  private final RetryPolicy policy;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final Clock clock;
  private final Semaphore permits;
  private final BooleanSupplier closed;
  private final Logger log;

  RetryLoop(
      RetryPolicy policy,
      Backoff backoff,
      Sleeper sleeper,
      LongSupplier nanoTime,
      Clock clock,
      Semaphore permits,
      BooleanSupplier closed,
      Logger log) {
    this.policy = policy;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.clock = clock;
    this.permits = permits;
    this.closed = closed;
    this.log = log;
  }

  /** Like {@link #run(String, RequestContext, Supplier, Function, Attempts)}, telling no one. */
  <T> T run(
      String label,
      RequestContext context,
      Supplier<T> attempt,
      Function<RuntimeException, Failure> classify) {
    return run(label, context, attempt, classify, Attempts.none());
  }

  /**
   * Runs {@code attempt} until it succeeds, the failure is not retryable, attempts run out, or the
   * next wait would end after {@code maxTotalTime}. Every attempt is told to {@code attempts}, on
   * this thread: {@link Attempts#sent} once it holds a request slot, then exactly one of {@link
   * Attempts#answered}, {@link Attempts#retried} (before the wait) or {@link Attempts#failed}.
   *
   * @param label what the log line names, such as {@code /v2/gas/x 2024-01-01..2024-01-31}
   * @param context the request's context, for failures before any response
   * @param attempt one attempt
   * @param classify maps what an attempt threw to a failure
   * @param attempts hears of each attempt (decision D60)
   */
  <T> T run(
      String label,
      RequestContext context,
      Supplier<T> attempt,
      Function<RuntimeException, Failure> classify,
      Attempts<? super T> attempts) {
    long started = nanoTime.getAsLong();
    for (int n = 1; ; n++) {
      requireOpen(context, null);
      acquire(context);
      @Nullable Failure failure = null;
      T result = null;
      long sent = 0;
      try {
        attempts.sent(n);
        sent = nanoTime.getAsLong();
        result = attempt.get();
      } catch (RuntimeException ex) {
        failure = classify.apply(ex);
      } finally {
        permits.release();
      }
      long took = nanoTime.getAsLong() - sent;
      if (failure == null) {
        attempts.answered(n, result, took);
        return result;
      }
      SpaceScopeException end = ended(context, failure);
      if (end == null) {
        boolean retryable =
            failure.retry() == Failure.Retry.TRANSIENT
                || (failure.retry() == Failure.Retry.LIMIT && policy.retryOnLimitExceeded());
        if (!retryable || !backoff.hasAttemptLeft(n)) {
          end = failure.exception();
        }
      }
      Duration delay = null;
      if (end == null) {
        delay = backoff.delayBeforeAttempt(n + 1, failure.retryAfter(), clock.instant());
        Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - started);
        if (!backoff.withinBudget(elapsed, delay)) {
          end = failure.exception();
        }
      }
      if (end != null) {
        attempts.failed(n, end, took);
        throw end;
      }
      if (log.isDebugEnabled()) {
        log.debug(
            "{}: attempt {} failed ({}), retrying in {} ms",
            label,
            n,
            failure.exception().getMessage(),
            delay.toMillis());
      }
      attempts.retried(n, failure, delay, took);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new TransportException(
            "Interrupted while waiting to retry", failure.exception().context(), ie);
      }
    }
  }

  /** The exception that ends the loop whatever the failure was (closed, interrupted), or null. */
  private @Nullable SpaceScopeException ended(RequestContext context, Failure failure) {
    if (closed.getAsBoolean()) {
      return ClientClosed.exception(context, failure.exception());
    }
    if (Thread.currentThread().isInterrupted()) {
      return new TransportException(
          "Interrupted while waiting for the answer", failure.exception().context(), null);
    }
    return null;
  }

  /**
   * Hears of each attempt of one request, on the attempt's thread (decision D60). {@code nanos} is
   * the attempt's time from being sent to its outcome, on the loop's ticker.
   */
  interface Attempts<T> {
    void sent(int attempt);

    void answered(int attempt, T result, long nanos);

    void retried(int attempt, Failure failure, Duration delay, long nanos);

    void failed(int attempt, SpaceScopeException exception, long nanos);

    @SuppressWarnings("unchecked") // NONE does nothing with any T
    static <T> Attempts<T> none() {
      return (Attempts<T>) NONE;
    }

    Attempts<Object> NONE =
        new Attempts<>() {
          @Override
          public void sent(int attempt) {}

          @Override
          public void answered(int attempt, Object result, long nanos) {}

          @Override
          public void retried(int attempt, Failure failure, Duration delay, long nanos) {}

          @Override
          public void failed(int attempt, SpaceScopeException exception, long nanos) {}
        };
  }

  private void requireOpen(RequestContext context, SpaceScopeException cause) {
    if (closed.getAsBoolean()) {
      throw ClientClosed.exception(context, cause);
    }
  }

  private void acquire(RequestContext context) {
    try {
      permits.acquire();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "Interrupted while waiting for a free request slot", context, ie);
    }
  }
}
