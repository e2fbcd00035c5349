package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * A response the client cannot use: HTML from a gateway, an empty or truncated body, a field of the
 * wrong type, {@code data} missing, a status the API does not send, a redirect (which the client
 * never follows, so that the token goes nowhere else), or a body larger than {@link
 * SpaceScope.Builder#maxResponseBytes(long)} (not read past the limit). The message says what was
 * expected and what came, and ends with a short excerpt of the body ({@code body starts: ...}),
 * which {@link #excerpt()} also returns alone.
 */
public final class UnexpectedResponseException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final String excerpt;

  /** Creates the exception; the message becomes {@code message + "; body starts: " + excerpt}. */
  public UnexpectedResponseException(
      String message, String excerpt, RequestContext context, @Nullable Throwable cause) {
    super(message + "; body starts: " + excerpt, context, cause);
    this.excerpt = excerpt;
  }

  /**
   * A short, single-line excerpt of the body, with the token and anything shaped like a bearer
   * credential removed; {@code (empty)} when there was no body, {@code (not read)} when its {@code
   * Content-Length} was over {@code maxResponseBytes}.
   */
  public String excerpt() {
    return excerpt;
  }
}
