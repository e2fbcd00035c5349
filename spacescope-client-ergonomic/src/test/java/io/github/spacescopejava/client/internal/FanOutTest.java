package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.TransportException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fan-out and ordered merging with plain tasks: no HTTP, no sleeps, latches only. */
@Timeout(60)
class FanOutTest {
  private final FanOut fanOut = new FanOut(3, 3);
  private final CountDownLatch never = new CountDownLatch(1);
  private final AtomicInteger interrupted = new AtomicInteger();

  @AfterEach
  void close() {
    fanOut.close();
  }

  private Supplier<List<Integer>> rows(int... values) {
    return () -> IntStream.of(values).boxed().toList();
  }

  /** A task that blocks until cancelled, and counts that it was. */
  private Supplier<List<Integer>> blocking(CountDownLatch started) {
    return () -> {
      started.countDown();
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        throw new TransportException("cancelled", Contexts.none(), e);
      }
      return List.of();
    };
  }

  private static Supplier<List<Integer>> failing() {
    return () -> {
      throw new ServerException("window failed", Contexts.none(), null);
    };
  }

  @Test
  void collectKeepsTaskOrderWhateverOrderTheyFinishIn() throws Exception {
    CountDownLatch secondDone = new CountDownLatch(1);
    Supplier<List<Integer>> first =
        () -> {
          try {
            secondDone.await(); // finishes after the second
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return List.of(1, 2);
        };
    Supplier<List<Integer>> second =
        () -> {
          secondDone.countDown();
          return List.of(3);
        };

    assertThat(fanOut.collect(List.of(first, second, rows(4, 5)))).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aFailureCancelsTheOtherTasks() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Supplier<List<Integer>> failsOnceOthersRun =
        () -> {
          try {
            started.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          throw new ServerException("window failed", Contexts.none(), null);
        };

    assertThatThrownBy(
            () -> fanOut.collect(List.of(failsOnceOthersRun, blocking(started), blocking(started))))
        .isInstanceOf(ServerException.class);
    assertThat(waitFor(() -> interrupted.get() == 2)).isTrue();
  }

  @Test
  void theStreamKeepsAtMostReadAheadTasksInFlight() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Supplier<List<Integer>>> tasks =
        IntStream.range(0, 10)
            .<Supplier<List<Integer>>>mapToObj(
                i ->
                    () -> {
                      most.accumulateAndGet(running.incrementAndGet(), Math::max);
                      running.decrementAndGet();
                      return List.of(i);
                    })
            .toList();

    assertThat(fanOut.ordered(tasks).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(most.get()).isBetween(1, 3);
  }

  @Test
  void aFailureInTheStreamCancelsEveryTaskInFlight() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    Supplier<List<Integer>> failsOnceOthersRun =
        () -> {
          try {
            started.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          throw new ServerException("window failed", Contexts.none(), null);
        };
    Stream<Integer> stream =
        fanOut.ordered(List.of(failsOnceOthersRun, blocking(started), blocking(started), rows(9)));

    assertThatThrownBy(stream::toList).isInstanceOf(ServerException.class);
    assertThat(waitFor(() -> interrupted.get() == 2)).isTrue();
  }

  @Test
  void interruptingTheConsumerCancelsTheAwaitedTaskToo() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread consumer =
        new Thread(
            () -> {
              try {
                fanOut
                    .ordered(List.of(blocking(started), blocking(started), blocking(started)))
                    .iterator()
                    .next();
              } catch (RuntimeException e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
              }
            });
    consumer.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    consumer.interrupt();
    consumer.join(30_000);

    assertThat(thrown.get()).isInstanceOf(TransportException.class);
    assertThat(flag.get()).isTrue();
    assertThat(waitFor(() -> interrupted.get() == 3)).as("all three cancelled").isTrue();
  }

  @Test
  void closingEndsWaitersAndRefusesNewWork() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Iterator<Integer> open =
        fanOut.ordered(List.of(rows(1), blocking(started), rows(3))).iterator();
    assertThat(open.next()).isEqualTo(1);
    AtomicReference<Throwable> waiter = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                open.next();
              } catch (RuntimeException e) {
                waiter.set(e);
              }
            });
    t.start();
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    fanOut.close();
    t.join(30_000);

    assertThat(waiter.get()).isInstanceOf(ClientClosedException.class);
    assertThatThrownBy(() -> fanOut.collect(List.of(rows(1), rows(2))))
        .isInstanceOf(ClientClosedException.class);
    assertThatThrownBy(() -> fanOut.ordered(List.of(rows(1))).toList())
        .isInstanceOf(ClientClosedException.class);
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }
}
