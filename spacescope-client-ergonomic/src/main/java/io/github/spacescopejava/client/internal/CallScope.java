package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RequestContext;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the retry loop knows about the request about to be sent on this thread: the window and the
 * last day asked for. Calls are synchronous ({@link DirectCalls}), so the decoder, running on the
 * same thread, reads it to build exceptions that name the window.
 */
final class CallScope {
  private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

  final Endpoint endpoint;
  final @Nullable String window;
  final @Nullable LocalDate lastDay;
  final long startNanos;

  private CallScope(Endpoint endpoint, @Nullable String window, @Nullable LocalDate lastDay) {
    this.endpoint = endpoint;
    this.window = window;
    this.lastDay = lastDay;
    this.startNanos = System.nanoTime();
  }

  static void enter(Endpoint endpoint, @Nullable String window, @Nullable LocalDate lastDay) {
    CURRENT.set(new CallScope(endpoint, window, lastDay));
  }

  static void exit() {
    CURRENT.remove();
  }

  static @Nullable CallScope current() {
    return CURRENT.get();
  }

  RequestContext context(@Nullable String query) {
    return RequestContext.of(endpoint.path(), query, window);
  }
}
