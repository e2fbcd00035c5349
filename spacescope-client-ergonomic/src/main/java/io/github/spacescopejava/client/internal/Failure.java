package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.SpaceScopeException;
import org.jspecify.annotations.Nullable;

/**
 * A mapped failure: the exception the caller will see, and whether (and when) the request may be
 * tried again.
 *
 * @param exception the typed exception
 * @param retry whether this failure is worth retrying under the retry policy
 * @param retryAfter the server's {@code Retry-After} header, as sent, if it sent one
 */
record Failure(SpaceScopeException exception, Retry retry, @Nullable String retryAfter) {

  /** How the retry loop should treat a failure. */
  enum Retry {
    /** Transport failures, HTTP 429/500/502/503/504, code 30003. */
    TRANSIENT,
    /** Code 30001: retried only when the policy opts in. */
    LIMIT,
    /** Everything else: 401, 30002, 30004, malformed responses. */
    NEVER
  }
}
