package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The API refused the request because of a limit. Two kinds, told apart by {@link #kind()}:
 *
 * <ul>
 *   <li>{@link Kind#RATE_LIMIT}: HTTP 429, too many requests for now. Transient: retried under the
 *       retry policy, waiting at least the server's {@code Retry-After}; this exception means the
 *       retries ran out.
 *   <li>{@link Kind#QUOTA}: code 30001, a quota, historical range or API limit. Not retried unless
 *       {@link RetryPolicy#retryOnLimitExceeded()} is set: waiting seconds rarely lifts a quota.
 * </ul>
 */
public final class LimitExceededException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Which limit was hit. */
  public enum Kind {
    /** HTTP 429: a transient rate limit, retried under the retry policy. */
    RATE_LIMIT,
    /** Code 30001: a quota, historical range or API limit, not retried by default. */
    QUOTA
  }

  private final Kind kind;

  /** Creates the exception. */
  public LimitExceededException(
      String message, Kind kind, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
    this.kind = kind;
  }

  /** Whether this was a transient rate limit (HTTP 429) or a quota (code 30001). */
  public Kind kind() {
    return kind;
  }
}
