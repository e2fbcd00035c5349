package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RequestContext;
import org.jspecify.annotations.Nullable;

/**
 * The client's own ways to make a {@link RequestContext}: before any request, for a request about
 * to be sent, and with what its response told. Kept here, not on the public record, so that users
 * have one way to make a context (its canonical constructor, see the README).
 */
final class Contexts {
  private static final RequestContext NONE =
      new RequestContext(null, null, null, null, null, null, null);

  private Contexts() {}

  /** A context with nothing known yet (a failure before any request). */
  static RequestContext none() {
    return NONE;
  }

  /** A context for a request about to be sent. */
  static RequestContext request(String endpoint, @Nullable String query, @Nullable String window) {
    return new RequestContext(endpoint, query, window, null, null, null, null);
  }

  /** {@code call} with what the response told. */
  static RequestContext withResponse(
      RequestContext call,
      @Nullable Integer httpStatus,
      @Nullable Integer apiCode,
      @Nullable String apiMessage,
      @Nullable String requestId) {
    return new RequestContext(
        call.endpoint(), call.query(), call.window(), httpStatus, apiCode, apiMessage, requestId);
  }
}
