package io.github.spacescopejava.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt's thread while it is inside {@code send}. The deadline and {@link
 * HttpTransport#close()} end it by interrupting that thread, under this object's lock and only
 * while it runs; the thread itself stops running under the same lock, and clears the interrupt it
 * was sent, so that no interrupt of ours outlives the attempt. An interrupt the caller sends at the
 * very moment the deadline or {@code close()} does is indistinguishable from ours and is cleared
 * with it; the attempt then fails for the deadline or the close.
 */
final class Exchange {
  enum Reason {
    DEADLINE,
    CLOSE
  }

  private final Thread thread;
  private final long deadline;
  private boolean running = true;
  private @Nullable Reason endedBy;

  Exchange(Thread thread, long deadline) {
    this.thread = thread;
    this.deadline = deadline;
  }

  /** When the attempt must have its whole answer, on the watchdog's clock. */
  long deadline() {
    return deadline;
  }

  /** From the deadline or close(): ends a running exchange by interrupting its thread. */
  synchronized void end(Reason why) {
    if (running && endedBy == null) {
      endedBy = why;
      thread.interrupt();
    }
  }

  /**
   * From the exchange's own thread: stops running (once) and clears the interrupt that {@link #end}
   * sent, if it sent one. Returns why the exchange was ended, or null if it was not.
   */
  synchronized @Nullable Reason finish() {
    if (running) {
      running = false;
      if (endedBy != null) {
        Thread.interrupted();
      }
    }
    return endedBy;
  }

  /** The failure of an attempt: the deadline, close(), or what {@code send} threw. */
  HttpTransport.AttemptFailed failure(String target, IOException thrown, Duration readTimeout) {
    Reason reason = finish();
    if (reason == Reason.DEADLINE) {
      return new HttpTransport.AttemptFailed(
          target,
          new HttpTimeoutException(
              "no complete answer within readTimeout " + readTimeout.toMillis() + " ms"));
    }
    if (reason == Reason.CLOSE) {
      return HttpTransport.AttemptFailed.closed(target);
    }
    if (thrown instanceof InterruptedIOException) {
      // The caller's own interrupt: the JDK cancelled the exchange; the flag stays set.
      Thread.currentThread().interrupt();
    }
    return new HttpTransport.AttemptFailed(target, thrown);
  }
}
