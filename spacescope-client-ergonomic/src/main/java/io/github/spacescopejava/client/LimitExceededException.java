package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The API refused the request for quota, historical range or API limits (code 30001). Not retried
 * by default.
 */
public final class LimitExceededException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public LimitExceededException(String message, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
  }
}
