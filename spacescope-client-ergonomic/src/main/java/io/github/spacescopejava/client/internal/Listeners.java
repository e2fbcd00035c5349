package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BiConsumer;
import org.slf4j.Logger;

/**
 * The builder's listeners, called in the order they were given (decision D60). A listener that
 * throws does not change the call: its exception is logged, at WARN the first time for that
 * listener and at DEBUG after that, and the next listener is called.
 */
final class Listeners {
  static final Listeners NONE = new Listeners(List.of(), org.slf4j.helpers.NOPLogger.NOP_LOGGER);

  private final List<SpaceScopeListener> listeners;
  private final AtomicIntegerArray warned;
  private final Logger log;

  Listeners(List<SpaceScopeListener> listeners, Logger log) {
    this.listeners = List.copyOf(listeners);
    this.warned = new AtomicIntegerArray(this.listeners.size());
    this.log = log;
  }

  /** Whether anyone listens: when not, the client builds no event at all. */
  boolean active() {
    return !listeners.isEmpty();
  }

  /**
   * Hands {@code event} to every listener through {@code method}, such as {@code ::callPlanned}.
   */
  <E> void emit(BiConsumer<SpaceScopeListener, E> method, E event) {
    for (int i = 0; i < listeners.size(); i++) {
      SpaceScopeListener l = listeners.get(i);
      try {
        method.accept(l, event);
      } catch (RuntimeException thrown) {
        String type = event.getClass().getSimpleName();
        if (warned.compareAndSet(i, 0, 1)) {
          log.warn(
              "The listener {} threw on {}; the call goes on unchanged (later failures of this"
                  + " listener are logged at DEBUG)",
              l.getClass().getName(),
              type,
              thrown);
        } else if (log.isDebugEnabled()) {
          log.debug("The listener {} threw on {}: {}", l.getClass().getName(), type, thrown);
        }
      }
    }
  }
}
