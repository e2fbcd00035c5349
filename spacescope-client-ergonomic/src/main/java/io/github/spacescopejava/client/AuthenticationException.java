package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The token was refused (HTTP 401): code 10011 means the authorization header is not {@code Bearer
 * <token>}, 10012 that the token expired. Not retried. The message ends with what to do, which
 * {@link #action()} also returns alone.
 */
public final class AuthenticationException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final String action;

  /** Creates the exception; the message becomes {@code message + ": " + action}. */
  public AuthenticationException(
      String message, String action, RequestContext context, @Nullable Throwable cause) {
    super(message + ": " + action, context, cause);
    this.action = action;
  }

  /** What to do about it, in words: fix the token format, or get a new token. */
  public String action() {
    return action;
  }
}
