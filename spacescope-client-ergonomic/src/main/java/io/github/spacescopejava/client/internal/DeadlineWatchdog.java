package io.github.spacescopejava.client.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Ends the exchanges whose deadline has passed, for {@link HttpTransport}. One daemon thread per
 * transport, started on the first exchange, that wakes every {@code readTimeout / 20} (1 to 100 ms)
 * while exchanges are in flight and ends after 30 s without any, or at {@link #close()}. A thread
 * that ticks costs no hand-off per request, where scheduling a timer per request woke a timer
 * thread on every one (30 to 50 µs of each call on two cores). The price: a deadline is noticed up
 * to one tick late.
 */
final class DeadlineWatchdog implements Runnable {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final Set<Exchange> inFlight;
  private final long tickNanos;
  private final long idleNanos;
  private final LongSupplier nanoTime;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean closed;
  private volatile @Nullable Thread thread;

  DeadlineWatchdog(Set<Exchange> inFlight, Duration readTimeout, LongSupplier nanoTime) {
    this(
        inFlight,
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(1),
            Math.min(TimeUnit.MILLISECONDS.toNanos(100), readTimeout.toNanos() / 20)),
        TimeUnit.SECONDS.toNanos(30),
        nanoTime);
  }

  /**
   * @param nanoTime the clock that deadlines and idleness are read on ({@code System::nanoTime}, or
   *     a test's own)
   */
  DeadlineWatchdog(Set<Exchange> inFlight, long tickNanos, long idleNanos, LongSupplier nanoTime) {
    this.inFlight = inFlight;
    this.tickNanos = tickNanos;
    this.idleNanos = idleNanos;
    this.nanoTime = nanoTime;
  }

  /** The thread now keeping the deadlines, if one runs (for tests). */
  @Nullable Thread thread() {
    return running.get() ? thread : null;
  }

  /** Starts the thread if it is not running; cheap when it is. */
  void ensureRunning() {
    if (!running.get() && !closed && running.compareAndSet(false, true)) {
      Thread t = new Thread(this, "spacescope-deadline-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      thread = t;
      t.start();
    }
  }

  @Override
  public void run() {
    long idleSince = nanoTime.getAsLong();
    while (!closed) {
      LockSupport.parkNanos(this, tickNanos);
      long now = nanoTime.getAsLong();
      for (Exchange e : inFlight) {
        if (now - e.deadline() >= 0) {
          e.end(Exchange.Reason.DEADLINE);
        }
      }
      if (!inFlight.isEmpty()) {
        idleSince = now;
      } else if (now - idleSince > idleNanos) {
        running.set(false);
        // An exchange registered before the flag went down saw it up and started nothing.
        if (inFlight.isEmpty() || !running.compareAndSet(false, true)) {
          return;
        }
      }
    }
  }

  void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }
}
