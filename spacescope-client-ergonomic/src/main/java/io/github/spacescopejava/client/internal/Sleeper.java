package io.github.spacescopejava.client.internal;

import java.time.Duration;

/** Waits between attempts; {@code Thread::sleep} in production, a recorder in tests. */
@FunctionalInterface
public interface Sleeper {
  /** The real one: {@link Thread#sleep(long, int)} for {@code d}. */
  Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

  /** Waits {@code d}; throws when the thread is interrupted meanwhile. */
  void sleep(Duration d) throws InterruptedException;
}
