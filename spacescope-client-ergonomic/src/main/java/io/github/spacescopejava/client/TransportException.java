package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The request did not complete: connection refused or reset, timeouts, a body cut short on the
 * wire.
 */
public final class TransportException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public TransportException(String message, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
  }
}
