package io.github.spacescopejava.client.event;

/** Why an attempt is retried (decision D9 lists what the retry policy retries). */
public enum RetryReason {
  /**
   * No usable answer: connection refused or reset, a timeout, a body cut short on the wire (the
   * JSON incomplete).
   */
  TRANSPORT,
  /** HTTP 429, a rate limit. */
  RATE_LIMITED,
  /** HTTP 500, 502, 503 or 504. */
  SERVER_ERROR,
  /** Envelope code 30003, the API's internal error. */
  API_INTERNAL_ERROR,
  /**
   * Envelope code 30001, a quota or historical limit: retried only with {@code
   * RetryPolicy.retryOnLimitExceeded}.
   */
  LIMIT_EXCEEDED
}
