package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptFailed;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.AttemptSent;
import io.github.spacescopejava.client.event.CallFailed;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.RetryReason;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.time.Duration;
import java.util.List;

/**
 * The events of one call, for the client's {@link Listeners} (decision D60): created when the call
 * is planned, asked for one {@link RetryLoop.Attempts} per window, told when the call fails. With
 * no listener, {@link #NONE} builds no event.
 */
final class CallEvents {
  static final CallEvents NONE = new CallEvents(Listeners.NONE, "");

  private final Listeners listeners;
  private final String operation;

  private CallEvents(Listeners listeners, String operation) {
    this.listeners = listeners;
    this.operation = operation;
  }

  /** The events of a call of {@code operation} that will request {@code windows}. */
  static CallEvents planned(Listeners listeners, String operation, List<String> windows) {
    if (!listeners.active()) {
      return NONE;
    }
    listeners.emit(SpaceScopeListener::callPlanned, new CallPlanned(operation, windows));
    return new CallEvents(listeners, operation);
  }

  boolean active() {
    return listeners.active();
  }

  /** The call fails with {@code thrown}, which the caller receives. */
  void failed(RuntimeException thrown) {
    if (listeners.active() && thrown instanceof SpaceScopeException e) {
      listeners.emit(SpaceScopeListener::callFailed, new CallFailed(operation, e));
    }
  }

  /**
   * The attempts of {@code window}; {@code answered} describes a successful attempt's result (its
   * status, code, rows and bytes), read on the attempt's thread.
   */
  <T> RetryLoop.Attempts<T> window(String window, Answers<T> answered) {
    if (!listeners.active()) {
      return RetryLoop.Attempts.none();
    }
    return new RetryLoop.Attempts<>() {
      @Override
      public void sent(int attempt) {
        listeners.emit(
            SpaceScopeListener::attemptSent, new AttemptSent(operation, window, attempt));
      }

      @Override
      public void answered(int attempt, T result, long nanos) {
        listeners.emit(
            SpaceScopeListener::attemptAnswered,
            answered.describe(operation, window, attempt, result, Duration.ofNanos(nanos)));
      }

      @Override
      public void retried(int attempt, Failure failure, Duration delay, long nanos) {
        listeners.emit(
            SpaceScopeListener::attemptRetried,
            new AttemptRetried(
                operation,
                window,
                attempt,
                reason(failure),
                delay,
                failure.exception(),
                Duration.ofNanos(nanos)));
      }

      @Override
      public void failed(int attempt, SpaceScopeException exception, long nanos) {
        listeners.emit(
            SpaceScopeListener::attemptFailed,
            new AttemptFailed(operation, window, attempt, exception, Duration.ofNanos(nanos)));
      }
    };
  }

  /** Describes a successful attempt's result as its event. */
  interface Answers<T> {
    AttemptAnswered describe(
        String operation, String window, int attempt, T result, Duration duration);
  }

  /**
   * Why a retried failure is retried. The classifier retries transport failures, HTTP 429, 5xx
   * (500, 502, 503, 504) and 30003 ({@link Failure.Retry#TRANSIENT}), and 30001 when the policy
   * opts in ({@link Failure.Retry#LIMIT}).
   */
  static RetryReason reason(Failure failure) {
    SpaceScopeException e = failure.exception();
    if (e instanceof TransportException) {
      return RetryReason.TRANSPORT;
    }
    int code = e.apiCode().orElse(0);
    if (code == 30001 || failure.retry() == Failure.Retry.LIMIT) {
      return RetryReason.LIMIT_EXCEEDED;
    }
    if (code == 30003) {
      return RetryReason.API_INTERNAL_ERROR;
    }
    if (e instanceof LimitExceededException) {
      return RetryReason.RATE_LIMITED;
    }
    if (e instanceof ServerException) {
      return RetryReason.SERVER_ERROR;
    }
    // An answer cut short on the wire (UnexpectedResponseException with its status): the
    // connection failed, not the server's judgement.
    return RetryReason.TRANSPORT;
  }
}
