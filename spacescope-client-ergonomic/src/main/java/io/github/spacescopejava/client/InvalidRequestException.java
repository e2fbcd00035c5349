package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/** The server refused the request's parameters (code 30002, or HTTP 400). Not retried. */
public final class InvalidRequestException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public InvalidRequestException(
      String message, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
  }
}
