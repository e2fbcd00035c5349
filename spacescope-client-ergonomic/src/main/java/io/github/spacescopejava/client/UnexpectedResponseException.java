package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * A response that is not a valid envelope: HTML from a gateway, an empty or truncated body, wrong
 * types, {@code data} missing. Its message carries a short excerpt of the body.
 */
public final class UnexpectedResponseException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final String excerpt;

  /** Creates the exception; {@code excerpt} is part of the message. */
  public UnexpectedResponseException(
      String message, String excerpt, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
    this.excerpt = excerpt;
  }

  /** A short excerpt of the body, with anything that looks like a token removed. */
  public String excerpt() {
    return excerpt;
  }
}
