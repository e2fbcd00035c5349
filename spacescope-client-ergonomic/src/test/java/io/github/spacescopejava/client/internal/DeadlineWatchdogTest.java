package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deadline thread: ends what is late, leaves the rest, stops when idle, starts again. */
@Timeout(60)
class DeadlineWatchdogTest {
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private final DeadlineWatchdog watchdog =
      new DeadlineWatchdog(
          inFlight,
          TimeUnit.MILLISECONDS.toNanos(2),
          TimeUnit.MILLISECONDS.toNanos(50),
          System::nanoTime);

  /** A thread that waits to be interrupted and reports why its exchange ended. */
  private static final class Waiter extends Thread {
    final Exchange exchange;
    final AtomicReference<Exchange.Reason> endedBy = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);

    Waiter(long deadline) {
      exchange = new Exchange(this, deadline);
    }

    @Override
    public void run() {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        endedBy.set(exchange.finish());
        done.countDown();
      }
    }
  }

  @Test
  void endsLateExchangesOnlyThenStopsWhenIdleAndStartsAgain() throws Exception {
    Waiter late = new Waiter(System.nanoTime() - 1);
    Waiter onTime = new Waiter(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
    late.start();
    onTime.start();
    inFlight.add(late.exchange);
    inFlight.add(onTime.exchange);
    watchdog.ensureRunning();
    Thread first = watchdog.thread();
    assertThat(first).isNotNull();

    assertThat(late.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(late.endedBy.get()).isEqualTo(Exchange.Reason.DEADLINE);
    assertThat(late.isInterrupted()).isFalse();
    assertThat(onTime.done.getCount()).isEqualTo(1);

    inFlight.remove(late.exchange);
    onTime.exchange.end(Exchange.Reason.CLOSE);
    assertThat(onTime.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(onTime.endedBy.get()).isEqualTo(Exchange.Reason.CLOSE);
    inFlight.remove(onTime.exchange);

    first.join(10_000);
    assertThat(first.isAlive()).as("the idle watchdog thread").isFalse();
    assertThat(watchdog.thread()).isNull();

    Waiter again = new Waiter(System.nanoTime() - 1);
    again.start();
    inFlight.add(again.exchange);
    watchdog.ensureRunning();
    assertThat(again.done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(again.endedBy.get()).isEqualTo(Exchange.Reason.DEADLINE);
    assertThat(watchdog.thread()).isNotNull().isNotSameAs(first);

    watchdog.close();
    Thread last = watchdog.thread();
    if (last != null) {
      last.join(10_000);
      assertThat(last.isAlive()).as("the watchdog thread after close").isFalse();
    }
  }

  @Test
  void aDeadlineIsReadOnTheInjectedClockOnly() throws Exception {
    AtomicLong now = new AtomicLong(1_000);
    DeadlineWatchdog onAClock =
        new DeadlineWatchdog(
            inFlight, TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.DAYS.toNanos(1), now::get);
    Waiter waiter = new Waiter(2_000);
    waiter.start();
    inFlight.add(waiter.exchange);
    onAClock.ensureRunning();
    try {
      // Many ticks of real time pass; the injected clock stays before the deadline.
      Thread.sleep(100);
      assertThat(waiter.done.getCount()).as("ended before its deadline").isEqualTo(1);

      now.set(2_000);
      assertThat(waiter.done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(waiter.endedBy.get()).isEqualTo(Exchange.Reason.DEADLINE);
    } finally {
      inFlight.remove(waiter.exchange);
      onAClock.close();
      waiter.interrupt();
    }
  }
}
