package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.SpaceScopeException;
import org.jspecify.annotations.Nullable;

/**
 * The failure of every call once the client is closed, made in one place for the parts that see the
 * close: the group entry points, {@link FanOut} and {@link RetryLoop}.
 */
final class ClientClosed {
  private ClientClosed() {}

  static ClientClosedException exception(
      RequestContext context, @Nullable SpaceScopeException cause) {
    return new ClientClosedException(
        "The client is closed (SpaceScope.close() was called): no request is sent after close(),"
            + " and calls running at close() are cancelled",
        context,
        cause);
  }
}
