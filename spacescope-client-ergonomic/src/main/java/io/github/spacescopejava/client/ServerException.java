package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/** The server failed (code 30003, or HTTP 5xx), after the retries the policy allows. */
public final class ServerException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ServerException(String message, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
  }
}
