package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptFailed;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.AttemptSent;
import io.github.spacescopejava.client.event.CallFailed;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.RetryReason;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The events a listener hears of real calls against the fake, in order, on the documented threads.
 */
class ListenersTest {
  private static final String PATH = "/v2/power/network_storage_capacity";
  // 200 days: three windows of at most 90 days for this operation.
  private static final DateRange RANGE =
      DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 18));
  private static final List<String> WINDOWS =
      List.of("2024-01-01..2024-03-30", "2024-03-31..2024-06-28", "2024-06-29..2024-07-18");

  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  /** Each window's events in order, as short words. */
  private static Map<String, List<String>> byWindow(List<Record> events) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Record e : events) {
      if (e instanceof AttemptSent s) {
        out.computeIfAbsent(s.window(), w -> new ArrayList<>()).add("sent " + s.attempt());
      } else if (e instanceof AttemptAnswered a) {
        out.computeIfAbsent(a.window(), w -> new ArrayList<>()).add("answered " + a.attempt());
      } else if (e instanceof AttemptRetried r) {
        out.computeIfAbsent(r.window(), w -> new ArrayList<>())
            .add("retried " + r.attempt() + " " + r.reason());
      } else if (e instanceof AttemptFailed f) {
        out.computeIfAbsent(f.window(), w -> new ArrayList<>()).add("failed " + f.attempt());
      }
    }
    return out;
  }

  @Test
  void aCallOfThreeWindowsWithOneRetryIsToldInOrderOnTheWorkerThreads(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).once(Fault.internalServerError()));
    Recorder recorder = new Recorder();

    List<NetworkStorageCapacityRow> rows;
    try (SpaceScope client = Clients.against(fake).listener(recorder).build()) {
      rows = client.power().networkStorageCapacity(RANGE);
    }

    List<Recorder.Heard> heard = recorder.heard();
    assertThat(heard.get(0).event()).isEqualTo(new CallPlanned(PATH, WINDOWS));
    assertThat(heard.get(0).thread()).isEqualTo(Thread.currentThread().getName());
    assertThat(heard.subList(1, heard.size()))
        .as("attempts are told on the client's worker threads")
        .allSatisfy(h -> assertThat(h.thread()).startsWith("spacescope-"));

    Map<String, List<String>> windows = byWindow(recorder.events());
    assertThat(windows.keySet()).containsExactlyInAnyOrderElementsOf(WINDOWS);
    // Whichever window the fault met was sent again; the others answered at once.
    assertThat(windows.values())
        .containsOnlyOnce(List.of("sent 1", "retried 1 SERVER_ERROR", "sent 2", "answered 2"))
        .filteredOn(l -> l.size() == 2)
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).containsExactly("sent 1", "answered 1"));

    List<AttemptAnswered> answers = recorder.events(AttemptAnswered.class);
    assertThat(answers).extracting(AttemptAnswered::rows).containsExactlyInAnyOrder(90, 90, 20);
    assertThat(answers.stream().mapToInt(AttemptAnswered::rows).sum()).isEqualTo(rows.size());
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.operation()).isEqualTo(PATH);
              assertThat(a.httpStatus()).isEqualTo(200);
              assertThat(a.apiCode()).isZero();
              assertThat(a.duration()).isPositive();
              // Exact sizes are checked on a real socket (ListenerSecretsTest).
              assertThat(a.bytes()).isGreaterThan(a.rows() * 20L);
            });

    AttemptRetried retried = recorder.events(AttemptRetried.class).get(0);
    assertThat(retried.reason()).isEqualTo(RetryReason.SERVER_ERROR);
    assertThat(retried.failure().httpStatus()).hasValue(500);
    assertThat(retried.delay()).isPositive();
    assertThat(recorder.events(CallFailed.class)).isEmpty();
  }

  @Test
  void aFailedCallEndsWithTheExceptionTheCallerReceives(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(Fault.errorCode(30004)));
    Recorder recorder = new Recorder();

    Throwable thrown;
    try (SpaceScope client = Clients.against(fake).listener(recorder).build()) {
      thrown = catchThrowable(() -> client.power().networkStorageCapacity(RANGE));
    }

    assertThat(thrown).isInstanceOf(DataNotReadyException.class);
    List<Record> events = recorder.events();
    assertThat(events.get(events.size() - 1))
        .as("the last event")
        .isInstanceOfSatisfying(
            CallFailed.class,
            f -> {
              assertThat(f.operation()).isEqualTo(PATH);
              assertThat(f.exception()).isSameAs(thrown);
            });
    assertThat(recorder.events(CallFailed.class)).hasSize(1);
    assertThat(recorder.events(AttemptFailed.class))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.exception()).isInstanceOf(SpaceScopeException.class));
    assertThat(recorder.events(AttemptFailed.class))
        .anySatisfy(f -> assertThat(f.exception()).isSameAs(thrown));
  }

  @Test
  void aStreamTellsItsFailureAsItsIterationThrowsIt(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(Fault.errorCode(30004)));
    Recorder recorder = new Recorder();

    Throwable thrown;
    try (SpaceScope client = Clients.against(fake).listener(recorder).build();
        Stream<NetworkStorageCapacityRow> rows =
            client.power().networkStorageCapacityStream(RANGE)) {
      thrown = catchThrowable(() -> rows.forEach(r -> {}));
    }

    assertThat(thrown).isInstanceOf(DataNotReadyException.class);
    assertThat(recorder.events(CallPlanned.class)).containsExactly(new CallPlanned(PATH, WINDOWS));
    assertThat(recorder.events(CallFailed.class))
        .singleElement()
        .satisfies(f -> assertThat(f.exception()).isSameAs(thrown));
  }

  @Test
  void aListenerThatThrowsChangesNothingAndIsLoggedOnce(SpaceScopeFake fake) {
    Logger log = (Logger) LoggerFactory.getLogger("spacescope.listeners-test");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    lines.start();
    log.addAppender(lines);
    SpaceScopeListener throwing =
        new SpaceScopeListener() {
          @Override
          public void attemptSent(AttemptSent e) {
            throw new IllegalStateException("a broken listener");
          }

          @Override
          public void attemptAnswered(AttemptAnswered e) {
            throw new IllegalStateException("a broken listener");
          }
        };
    Recorder after = new Recorder();

    List<NetworkStorageCapacityRow> plain;
    List<NetworkStorageCapacityRow> heard;
    try (SpaceScope quiet = Clients.against(fake).build();
        SpaceScope client =
            Clients.against(fake).logger(log).listener(throwing).listener(after).build()) {
      plain = quiet.power().networkStorageCapacity(RANGE);
      heard = client.power().networkStorageCapacity(RANGE);
    } finally {
      log.detachAppender(lines);
    }

    assertThat(heard).isEqualTo(plain).hasSize(200);
    assertThat(after.events(AttemptAnswered.class))
        .as("the next listener still hears every answer")
        .hasSize(3);
    List<ILoggingEvent> warnings =
        lines.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).toList();
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.getFormattedMessage()).contains("threw on AttemptSent");
              assertThat(w.getThrowableProxy().getMessage()).isEqualTo("a broken listener");
            });
  }
}
