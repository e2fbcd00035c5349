package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The token was refused (HTTP 401): code 10011 means the authorization header is not {@code Bearer
 * <token>}, 10012 that the token expired. Not retried.
 */
public final class AuthenticationException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final String action;

  /** Creates the exception; {@code action} is part of the message. */
  public AuthenticationException(
      String message, String action, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
    this.action = action;
  }

  /** What to do about it, in words: fix the token format, or get a new token. */
  public String action() {
    return action;
  }
}
