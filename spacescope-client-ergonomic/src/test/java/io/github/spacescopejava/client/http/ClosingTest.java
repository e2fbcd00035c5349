package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What close() releases and what happens to calls around it, counted on a real socket: threads of
 * the client and of its JDK HttpClient, connections the server still sees open, exchanges left
 * waiting for an answer.
 */
@Timeout(180)
class ClosingTest {
  private static final LocalDate DAY = LocalDate.of(2024, 6, 1);
  // 360 days of a 90-day endpoint: four windows.
  private static final DateRange FOUR_WINDOWS =
      DateRange.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 26));

  static Stream<Arguments> everyKindOfCall() {
    return Stream.of(
        Arguments.of(
            "single request",
            (Consumer<SpaceScope>) c -> c.power().networkStorageCapacity(DateRange.day(DAY))),
        Arguments.of(
            "multi-window",
            (Consumer<SpaceScope>) c -> c.power().networkStorageCapacity(FOUR_WINDOWS)),
        Arguments.of(
            "stream",
            (Consumer<SpaceScope>)
                c -> c.power().networkStorageCapacityStream(FOUR_WINDOWS).toList()),
        Arguments.of(
            "hours", (Consumer<SpaceScope>) c -> c.gas().networkBaseFee(HourRange.day(DAY))),
        Arguments.of(
            "state day",
            (Consumer<SpaceScope>) c -> c.storageProvider().power(DAY, ProviderId.of("f01234"))),
        Arguments.of(
            "state days",
            (Consumer<SpaceScope>)
                c -> c.storageProvider().power(DateRange.of(DAY, DAY.plusDays(3)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKindOfCall")
  void everyCallAfterCloseFailsTheSameWayBeforeAnyRequest(String what, Consumer<SpaceScope> call)
      throws Exception {
    try (TinyServer server = new TinyServer(r -> TinyServer.json(Clients.capacityRows()))) {
      SpaceScope client = Clients.against(server).build();
      client.close();

      assertThatThrownBy(() -> call.accept(client))
          .isInstanceOf(ClientClosedException.class)
          .hasMessageContaining("close()");
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void aStreamOpenAtCloseEndsWithTheSameFailure() throws Exception {
    try (TinyServer server =
        new TinyServer(r -> TinyServer.json(Clients.capacityRows("2023-01-01")))) {
      SpaceScope client = Clients.against(server).maxConcurrentRequests(1).build();
      Iterator<NetworkStorageCapacityRow> rows =
          client.power().networkStorageCapacityStream(FOUR_WINDOWS).iterator();
      assertThat(rows.next()).isNotNull();
      client.close();

      assertThatThrownBy(rows::next).isInstanceOf(ClientClosedException.class);
    }
  }

  @Test
  void aCallRunningAtCloseEndsWithClientClosedAndReleasesItsExchange() throws Exception {
    try (TinyServer server = new TinyServer(r -> new TinyServer.Never())) {
      SpaceScope client = Clients.against(server).build();
      CompletableFuture<List<NetworkStorageCapacityRow>> call =
          CompletableFuture.supplyAsync(() -> client.power().networkStorageCapacity(FOUR_WINDOWS));
      assertThat(Clients.eventually(() -> server.pendingExchanges() == 4)).isTrue();

      client.close();

      assertThatThrownBy(() -> call.get(60, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ClientClosedException.class);
      assertThat(Clients.eventually(() -> server.openConnections() == 0)).isTrue();
    }
  }

  @Test
  void aOneRequestCallRunningAtCloseEndsWithClientClosedAndNoInterruptLeft() throws Exception {
    // One window runs on the caller's own thread: close() reaches it there.
    try (TinyServer server = new TinyServer(r -> new TinyServer.Never())) {
      SpaceScope client = Clients.against(server).build();

      Ended ended =
          onOwnThread(
              () -> client.power().networkStorageCapacity(DateRange.day(DAY)),
              () -> server.pendingExchanges() == 1,
              caller -> client.close());

      assertThat(ended.thrown()).isInstanceOf(ClientClosedException.class);
      assertThat(ended.interrupted()).as("the caller's interrupt flag after close").isFalse();
      assertThat(Clients.eventually(() -> server.openConnections() == 0)).isTrue();
    }
  }

  @Test
  void closeLeavesNoThreadAndNoConnectionOfTheClient() throws Exception {
    Set<Thread> before = Clients.clientThreads();
    try (TinyServer server =
        new TinyServer(r -> TinyServer.json(Clients.capacityRows("2023-01-01")))) {
      SpaceScope client = Clients.against(server).build();
      client.power().networkStorageCapacity(FOUR_WINDOWS);
      assertThat(server.openConnections()).as("kept-alive connections before close").isPositive();
      assertThat(newThreads(before)).as("threads before close").isNotEmpty();

      client.close();

      assertThat(Clients.eventually(() -> newThreads(before).isEmpty()))
          .as("threads of the client left after close: %s", newThreads(before))
          .isTrue();
      assertThat(Clients.eventually(() -> server.openConnections() == 0))
          .as("connections left open after close: %s", server.openConnections())
          .isTrue();
    }
  }

  @Test
  void aBurstOfFailingMultiWindowCallsLeavesNoExchangePending() throws Exception {
    Set<Thread> before = Clients.clientThreads();
    // The first window of each call fails at once (30004, not retried); the others never answer.
    try (TinyServer server =
        new TinyServer(
            r ->
                r.target().contains("start_date=2023-01-01")
                    ? TinyServer.json(Clients.errorEnvelope(30004, "not ready"))
                    : new TinyServer.Never())) {
      SpaceScope client = Clients.against(server).build();
      for (int i = 0; i < 10; i++) {
        assertThatThrownBy(() -> client.power().networkStorageCapacity(FOUR_WINDOWS))
            .isInstanceOf(DataNotReadyException.class);
      }

      assertThat(Clients.eventually(() -> server.pendingExchanges() == 0))
          .as("exchanges still waiting for an answer: %s", server.pendingExchanges())
          .isTrue();

      client.close();
      assertThat(Clients.eventually(() -> newThreads(before).isEmpty()))
          .as("threads of the client left after close: %s", newThreads(before))
          .isTrue();
      assertThat(Clients.eventually(() -> server.openConnections() == 0)).isTrue();
    }
  }

  static Stream<Arguments> interruptedCalls() {
    return Stream.of(
        // a call, and the requests it has in flight when interrupted
        Arguments.of(
            "one request, on the caller's thread",
            (Consumer<SpaceScope>) c -> c.power().networkStorageCapacity(DateRange.day(DAY)),
            1),
        Arguments.of(
            "a stream, the awaited window included",
            (Consumer<SpaceScope>)
                c -> {
                  try (Stream<NetworkStorageCapacityRow> rows =
                      c.power().networkStorageCapacityStream(FOUR_WINDOWS)) {
                    rows.iterator().next();
                  }
                },
            4));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interruptedCalls")
  void interruptingACallCancelsEveryRequestInFlightAndKeepsTheFlag(
      String what, Consumer<SpaceScope> call, int inFlight) throws Exception {
    try (TinyServer server = new TinyServer(r -> new TinyServer.Never());
        SpaceScope client = Clients.against(server).build()) {

      Ended ended =
          onOwnThread(
              () -> call.accept(client),
              () -> server.pendingExchanges() == inFlight,
              Thread::interrupt);

      assertThat(ended.thrown())
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("Interrupted");
      assertThat(ended.interrupted()).as("the interrupt flag after the call").isTrue();
      assertThat(Clients.eventually(() -> server.pendingExchanges() == 0))
          .as("requests still waiting for an answer after the interrupt")
          .isTrue();
      assertThat(server.received()).hasSize(inFlight);
    }
  }

  /** What a call on a thread of its own threw, and whether that thread was interrupted after. */
  private record Ended(Throwable thrown, boolean interrupted) {}

  /**
   * Runs {@code call} on a new thread, waits until {@code waiting} holds, does {@code then} to that
   * thread (interrupt it, or close the client under it) and waits for the call to end.
   */
  private static Ended onOwnThread(Runnable call, BooleanSupplier waiting, Consumer<Thread> then)
      throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interrupted = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                call.run();
              } catch (RuntimeException e) {
                thrown.set(e);
              }
              interrupted.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertThat(Clients.eventually(waiting)).isTrue();
    then.accept(caller);
    caller.join(60_000);
    assertThat(caller.isAlive()).as("the call still running a minute later").isFalse();
    return new Ended(thrown.get(), interrupted.get());
  }

  private static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = new HashSet<>(Clients.clientThreads());
    now.removeAll(before);
    return now;
  }
}
