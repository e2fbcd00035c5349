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

  /**
   * Runs {@code attempt} until it succeeds, the failure is not retryable, attempts run out, or the
   * next wait would end after {@code maxTotalTime}.
   *
   * @param label what the log line names, such as {@code /v2/gas/x 2024-01-01..2024-01-31}
   * @param context the request's context, for failures before any response
   * @param attempt one attempt
   * @param classify maps what an attempt threw to a failure
   */
  <T> T run(
      String label,
      RequestContext context,
      Supplier<T> attempt,
      Function<RuntimeException, Failure> classify) {
    long started = nanoTime.getAsLong();
    for (int n = 1; ; n++) {
      requireOpen(context, null);
      acquire(context);
      Failure failure;
      try {
        return attempt.get();
      } catch (RuntimeException ex) {
        failure = classify.apply(ex);
      } finally {
        permits.release();
      }
      requireOpen(context, failure.exception());
      if (Thread.currentThread().isInterrupted()) {
        throw new TransportException(
            "Interrupted while waiting for the answer", failure.exception().context(), null);
      }
      boolean retryable =
          failure.retry() == Failure.Retry.TRANSIENT
              || (failure.retry() == Failure.Retry.LIMIT && policy.retryOnLimitExceeded());
      if (!retryable || !backoff.hasAttemptLeft(n)) {
        throw failure.exception();
      }
      Duration delay = backoff.delayBeforeAttempt(n + 1, failure.retryAfter(), clock.instant());
      Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - started);
      if (!backoff.withinBudget(elapsed, delay)) {
        throw failure.exception();
      }
      if (log.isDebugEnabled()) {
        log.debug(
            "{}: attempt {} failed ({}), retrying in {} ms",
            label,
            n,
            failure.exception().getMessage(),
            delay.toMillis());
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new TransportException(
            "Interrupted while waiting to retry", failure.exception().context(), ie);
      }
    }
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
