package io.github.spacescopejava.client.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a response told about itself, already redacted: its status, and the envelope's code, message
 * and request id where it had them.
 */
record Answer(
    int status, @Nullable Integer code, @Nullable String message, @Nullable String requestId) {

  /** This answer, rejected. */
  Rejection rejected(Failure.Retry retry, @Nullable String retryAfter, Rejection.Maker exception) {
    return new Rejection(this, retry, retryAfter, exception);
  }
}
