package io.github.spacescopejava.client.internal;

import feign.FeignException;
import feign.Request;

/**
 * How the {@link EnvelopeDecoder} hands a {@link Rejection} out of Feign's call to the call site. A
 * {@link FeignException}, because Feign passes those from its decoder through unchanged, and throws
 * what its error decoder returns as it is: the call site catches exactly this type, once. Never
 * seen by users, and never the cause of an exception they see: the request it holds carries the
 * {@code authorization} header.
 */
final class RejectedAnswer extends FeignException {
  private static final long serialVersionUID = 1L;
  private final transient Rejection rejection;

  RejectedAnswer(Rejection rejection, Request request) {
    super(rejection.answer().status(), "answer rejected", request);
    this.rejection = rejection;
  }

  Rejection rejection() {
    return rejection;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    // A control transfer to the call site, one per failed attempt: no stack to record.
    return this;
  }
}
