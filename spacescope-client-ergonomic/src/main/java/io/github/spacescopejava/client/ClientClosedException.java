package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * The client was closed: {@link SpaceScope#close()} had been called before the call started, and
 * nothing was sent, or was called while the call ran, and its requests were cancelled. Every
 * operation, list or stream, fails this way after {@code close()}, also a stream opened before it.
 */
public final class ClientClosedException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ClientClosedException(String message, RequestContext context, @Nullable Throwable cause) {
    super(message, context, cause);
  }
}
