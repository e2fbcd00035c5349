package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.internal.Failure.Retry;
import java.io.IOException;

/**
 * Where a request that got no usable answer becomes a typed exception: refused, reset, timed out,
 * cut short, or stopped at {@code maxResponseBytes}. The call site passes the request's context
 * explicitly. Pure, like {@link FailureClassifier}, which maps the answers that did arrive.
 */
final class TransportFailures {
  private final Redactor redactor;

  TransportFailures(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * A request that did not complete: refused, reset, timed out, cut short. Retried, like every
   * transport failure; except an answer the transport stopped reading because it was larger than
   * {@code maxResponseBytes}, which is {@link #tooLarge}.
   */
  Failure of(IOException cause, RequestContext context) {
    String target = "the server";
    IOException io = cause;
    if (cause instanceof HttpTransport.AttemptFailed failed) {
      target = failed.target();
      io = failed.reason();
    }
    if (io instanceof BoundedBody.TooLarge big) {
      return tooLarge(big, context);
    }
    String what =
        io instanceof java.net.http.HttpTimeoutException
                || io instanceof java.net.SocketTimeoutException
            ? (io instanceof java.net.http.HttpConnectTimeoutException
                ? "Connecting to " + target + " timed out"
                : "The request to " + target + " timed out")
            : io instanceof java.net.ConnectException
                ? "Could not connect to " + target
                : "The connection to " + target + " failed";
    return new Failure(
        new TransportException(
            what + ": " + io.getClass().getSimpleName() + redactedDetail(io), context, io),
        Retry.TRANSIENT,
        null);
  }

  /**
   * An answer larger than {@code maxResponseBytes} (decision D44): not retried, since the same
   * answer would come again, and never an empty or partial result. Names the limit, what arrived
   * and the builder option that raises it.
   */
  private Failure tooLarge(BoundedBody.TooLarge big, RequestContext context) {
    String what =
        big.declaredOverLimit()
            ? "The answer announced "
                + big.declared()
                + " bytes (Content-Length), more than the limit of "
                + big.limit()
                + " bytes: the client read none of it (0 bytes)"
            : "The answer was larger than the limit of "
                + big.limit()
                + " bytes: "
                + big.arrived()
                + " bytes had arrived when the client stopped reading it";
    return new Failure(
        new UnexpectedResponseException(
            what
                + " and its connection was closed. Not retried: the same answer would come again."
                + " If answers this large are expected, raise the limit with"
                + " SpaceScope.builder().maxResponseBytes(...)",
            big.declaredOverLimit() ? "(not read)" : redactor.excerpt(big.start()),
            Contexts.withResponse(context, big.status(), null, null, null),
            null),
        Retry.NEVER,
        null);
  }

  private String redactedDetail(Throwable cause) {
    String m = cause.getMessage();
    return m == null || m.isBlank() ? "" : " (" + redactor.text(m) + ")";
  }
}
