package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.TransportException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs the windows of one call on the client's worker threads and hands their rows back in window
 * order (decision D10). The request slots themselves are taken per attempt by {@link RetryLoop};
 * this class only decides what runs where and what is cancelled.
 *
 * <ul>
 *   <li>{@link #collect}: every window at once, rows in window order; the first failure (in window
 *       order) cancels the rest and is thrown.
 *   <li>{@link #ordered}: a lazy stream that keeps at most {@code readAhead} windows in flight; a
 *       failure, an interrupt or closing the stream cancels every window still in flight, the one
 *       being awaited included.
 *   <li>{@link #close()}: no new window starts; windows queued or running are cancelled, and
 *       whoever awaits them gets {@link ClientClosedException}.
 * </ul>
 */
final class FanOut implements AutoCloseable {
  private final ThreadPoolExecutor executor;
  private final int readAhead;
  private final Set<Future<?>> outstanding = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  FanOut(int threads, int readAhead) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "spacescope-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    this.readAhead = readAhead;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * The tasks of one call, one per window, and the call's events, told of the failure the caller
   * receives (decision D60).
   */
  record Plan<R>(List<Supplier<List<R>>> tasks, CallEvents events) {}

  /** Like {@link #collect(List)}; a failure is told to the plan's events as it is thrown. */
  <R> List<R> collect(Plan<R> plan) {
    try {
      return collect(plan.tasks());
    } catch (RuntimeException failed) {
      plan.events().failed(failed);
      throw failed;
    }
  }

  /** Like {@link #ordered(List)}; a failure is told to the plan's events as it is thrown. */
  <R> Stream<R> ordered(Plan<R> plan) {
    return ordered(plan.tasks(), plan.events());
  }

  /** Runs every task and returns their rows in task order; one task runs on the caller. */
  <R> List<R> collect(List<Supplier<List<R>>> tasks) {
    if (tasks.size() == 1) {
      return new ArrayList<>(tasks.get(0).get());
    }
    List<Future<List<R>>> futures = new ArrayList<>(tasks.size());
    try {
      for (Supplier<List<R>> t : tasks) {
        futures.add(submit(t));
      }
      List<R> out = new ArrayList<>();
      for (Future<List<R>> f : futures) {
        out.addAll(await(f));
      }
      return out;
    } finally {
      futures.forEach(f -> f.cancel(true));
    }
  }

  /** Hands rows over task by task, keeping at most {@code readAhead} tasks in flight. */
  <R> Stream<R> ordered(List<Supplier<List<R>>> tasks) {
    return ordered(tasks, CallEvents.NONE);
  }

  private <R> Stream<R> ordered(List<Supplier<List<R>>> tasks, CallEvents events) {
    Deque<Supplier<List<R>>> pending = new ArrayDeque<>(tasks);
    Deque<Future<List<R>>> inFlight = new ArrayDeque<>();
    Runnable cancelAll =
        () -> {
          pending.clear();
          inFlight.forEach(f -> f.cancel(true));
          inFlight.clear();
        };
    Iterator<List<R>> windows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !pending.isEmpty() || !inFlight.isEmpty();
          }

          @Override
          public List<R> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            try {
              while (inFlight.size() < readAhead && !pending.isEmpty()) {
                inFlight.add(submit(pending.poll()));
              }
              // Awaited while still in the queue, so that a failure cancels it too.
              List<R> rows = await(inFlight.peek());
              inFlight.poll();
              return rows;
            } catch (RuntimeException failed) {
              cancelAll.run();
              events.failed(failed);
              throw failed;
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(windows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cancelAll)
        .flatMap(List::stream);
  }

  private <T> Future<T> submit(Supplier<T> task) {
    if (closed) {
      throw closed();
    }
    FutureTask<T> f =
        new FutureTask<>(task::get) {
          @Override
          protected void done() {
            outstanding.remove(this);
          }
        };
    outstanding.add(f);
    try {
      executor.execute(f);
    } catch (RejectedExecutionException e) {
      outstanding.remove(f);
      throw closed();
    }
    if (closed) {
      // close() may have run between the check and the add: make sure this one is cancelled too.
      f.cancel(true);
    }
    return f;
  }

  private <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (closed && !(cause instanceof ClientClosedException)) {
        // A task that failed because close() interrupted it.
        throw ClientClosed.exception(
            Contexts.none(),
            cause instanceof io.github.spacescopejava.client.SpaceScopeException sse ? sse : null);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "Interrupted while waiting for a window; its requests were cancelled",
          Contexts.none(),
          e);
    } catch (CancellationException e) {
      // Only close() cancels a window that someone still awaits.
      throw closed();
    }
  }

  private static ClientClosedException closed() {
    return ClientClosed.exception(Contexts.none(), null);
  }

  /** Stops the worker threads; windows queued or running are cancelled. */
  @Override
  public void close() {
    closed = true;
    // Cancelled before the pool interrupts them: a waiter then sees the cancellation, not
    // whatever the interrupted task made of its interrupt.
    outstanding.forEach(f -> f.cancel(true));
    executor.shutdownNow();
  }
}
