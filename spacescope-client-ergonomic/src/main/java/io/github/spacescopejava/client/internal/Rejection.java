package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.SpaceScopeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An answer the client cannot use, as {@link FailureClassifier} found it, before anyone has named
 * the request: the decoder knows the response but not the window. The call site, which knows the
 * endpoint, the window and the last day it asked for, turns it into the caller's failure with
 * {@link #failure}.
 *
 * @param answer what the response told
 * @param retry whether the request is worth sending again
 * @param retryAfter the server's {@code Retry-After} header, as sent, if it sent one
 * @param exception makes the caller's exception from the request's full context
 */
record Rejection(Answer answer, Failure.Retry retry, @Nullable String retryAfter, Maker exception)
    implements FailureClassifier.Outcome {

  /** Makes the exception of a rejected answer. */
  @FunctionalInterface
  interface Maker {
    SpaceScopeException of(RequestContext context, @Nullable LocalDate lastDay);
  }

  /**
   * The failure of the request {@code call} (endpoint, query, window), with what the response told.
   *
   * @param lastDay the last day the request asked for, which a "not published yet" failure names
   */
  Failure failure(RequestContext call, @Nullable LocalDate lastDay) {
    RequestContext context =
        Contexts.withResponse(
            call, answer.status(), answer.code(), answer.message(), answer.requestId());
    return new Failure(exception.of(context, lastDay), retry, retryAfter);
  }
}
