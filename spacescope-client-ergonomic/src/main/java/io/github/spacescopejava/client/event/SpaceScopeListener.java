package io.github.spacescopejava.client.event;

/**
 * Receives the events of a client's calls, for progress, logging per window, request counting or
 * metrics. Every method does nothing by default: implement those you need (an event added later
 * breaks no listener).
 *
 * <p><b>Order.</b> A call first plans its windows ({@link #callPlanned}, on the caller's thread).
 * Then, for each window, on the thread that makes the attempt (one of the client's {@code
 * spacescope-N} worker threads, or the caller's own thread when the call has one window): {@link
 * #attemptSent}, followed by exactly one of {@link #attemptAnswered}, {@link #attemptRetried} (a
 * next {@code attemptSent} of the same window follows after the delay) or {@link #attemptFailed}. A
 * call that throws ends with {@link #callFailed}, on the caller's thread, carrying exactly the
 * exception the caller receives. Windows run concurrently, so events of different windows
 * interleave.
 *
 * <p><b>Fast and thread-safe.</b> Listeners run inline, on the threads above, while the attempt
 * holds one of the client's request slots: keep them short and non-blocking, and make them safe to
 * call from several threads at once. A listener that throws does not change the call: the exception
 * is logged (at WARN, once per listener; later ones at DEBUG) and the next listener is called.
 *
 * <p><b>No secrets.</b> No event carries the token or a header; exceptions in events are the
 * client's own, already free of credentials.
 *
 * <p>Example: count windows done for a progress display.
 *
 * <pre>{@code
 * AtomicInteger done = new AtomicInteger();
 * SpaceScope client = SpaceScope.builder()
 *     .listener(new SpaceScopeListener() {
 *       @Override public void attemptAnswered(AttemptAnswered e) { done.incrementAndGet(); }
 *     })
 *     .build();
 * }</pre>
 */
public interface SpaceScopeListener {
  /** A call checked its arguments and split them into the windows it will request. */
  default void callPlanned(CallPlanned event) {}

  /** One attempt of one window is about to be sent. */
  default void attemptSent(AttemptSent event) {}

  /** An attempt got a usable answer: the window is done. */
  default void attemptAnswered(AttemptAnswered event) {}

  /** An attempt failed in a way the retry policy retries; the window is tried again. */
  default void attemptRetried(AttemptRetried event) {}

  /** An attempt failed and the window is not tried again. */
  default void attemptFailed(AttemptFailed event) {}

  /** The call failed: the caller receives {@link CallFailed#exception()}. */
  default void callFailed(CallFailed event) {}
}
