package io.github.spacescopejava.benchmarks;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every fault the fake can inject, each answering every attempt of one 3-day call of the ergonomic
 * client, and what the caller sees: the rows, or the exception with the fields it carries, and how
 * many attempts reached the server.
 */
final class FaultMatrix {
  static final String PATH = "/v2/power/network_storage_capacity";

  /** Retries as the defaults, with waits short enough for a test (the fake's Retry-After: 1 s). */
  static final RetryPolicy RETRIES =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(10))
          .maxBackoff(Duration.ofMillis(50))
          .jitter(RetryPolicy.Jitter.NONE)
          .build();

  /** Generous, so that a slow machine never turns an answer into a timeout. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  /** The client for the one case that must time out: any answer is later than this. */
  static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

  /** One injected fault. */
  record Case(String name, Fault fault) {}

  /** What came out of one case. */
  record Outcome(
      String fault,
      String result,
      int attempts,
      String httpStatus,
      String apiCode,
      String kind,
      String endpoint,
      String window,
      String requestId,
      String apiMessage) {
    String tableRow() {
      return String.join(
          " | ",
          "| " + fault,
          result,
          Integer.toString(attempts),
          httpStatus,
          apiCode,
          kind,
          endpoint,
          window,
          requestId,
          apiMessage + " |");
    }
  }

  static final String HEADER =
      "| fault injected on every attempt | outcome | attempts | httpStatus | apiCode | kind |"
          + " endpoint | window | requestId | apiMessage |\n"
          + "|---|---|---|---|---|---|---|---|---|---|";

  private FaultMatrix() {}

  /** Every fault kind, and every documented error code for {@link Fault.Kind#ERROR_CODE}. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Fault.Kind kind : Fault.Kind.values()) {
      switch (kind) {
        case ERROR_CODE -> {
          for (int code : new int[] {10011, 10012, 30001, 30002, 30003, 30004}) {
            cases.add(new Case("ERROR_CODE " + code, Fault.errorCode(code)));
          }
        }
        case LATENCY -> {
          cases.add(new Case("LATENCY 100 ms (under the read timeout)", Fault.latency(ms(100))));
          cases.add(new Case("LATENCY 1 s (over a 300 ms read timeout)", Fault.latency(ms(1000))));
        }
        case CONNECTION_RESET -> cases.add(new Case(kind.name(), Fault.connectionReset()));
        case BAD_GATEWAY_HTML -> cases.add(new Case(kind.name(), Fault.badGatewayHtml()));
        case EMPTY_BODY -> cases.add(new Case(kind.name(), Fault.emptyBody()));
        case TRUNCATED_BODY -> cases.add(new Case(kind.name(), Fault.truncatedBody()));
        case TOO_MANY_REQUESTS ->
            cases.add(
                new Case("TOO_MANY_REQUESTS Retry-After 1 s", Fault.tooManyRequests(ms(1000))));
        case INTERNAL_SERVER_ERROR -> cases.add(new Case(kind.name(), Fault.internalServerError()));
        case NULL_DATA -> cases.add(new Case(kind.name(), Fault.nullData()));
      }
    }
    return cases;
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static SpaceScope client(SpaceScopeFake fake, Duration readTimeout) {
    return SpaceScope.builder()
        .token(fake.token())
        .baseUrl(fake.baseUrl())
        .clock(fake.clock())
        .retryPolicy(RETRIES)
        .readTimeout(readTimeout)
        .build();
  }

  /** Runs every case on {@code fake}; {@code seen} gets each exception for further checks. */
  static List<Outcome> run(SpaceScopeFake fake, Consumer<Throwable> seen) {
    List<Outcome> outcomes = new ArrayList<>();
    DateRange range =
        DateRange.of(fake.latestAvailableDay().minusDays(2), fake.latestAvailableDay());
    try (SpaceScope patient = client(fake, READ_TIMEOUT);
        SpaceScope impatient = client(fake, SHORT_READ_TIMEOUT)) {
      patient.power().networkStorageCapacity(range); // the fake's first answer is its slowest
      for (Case c : cases()) {
        settled(fake);
        fake.reset();
        fake.given(Scenario.on(PATH).always(c.fault()));
        SpaceScope client = c.name().contains("over a") ? impatient : patient;
        Outcome outcome;
        try {
          List<NetworkStorageCapacityRow> rows = client.power().networkStorageCapacity(range);
          outcome =
              new Outcome(
                  c.name(), rows.size() + " rows", settled(fake), "", "", "", "", "", "", "");
        } catch (SpaceScopeException e) {
          seen.accept(e);
          outcome =
              new Outcome(
                  c.name(),
                  e.getClass().getSimpleName(),
                  settled(fake),
                  e.httpStatus().isPresent() ? Integer.toString(e.httpStatus().getAsInt()) : "-",
                  e.apiCode().isPresent() ? Integer.toString(e.apiCode().getAsInt()) : "-",
                  e instanceof LimitExceededException l ? l.kind().name() : "-",
                  e.endpoint().orElse("-"),
                  e.window().orElse("-"),
                  e.requestId().isPresent() ? "yes" : "-",
                  e.apiMessage().isPresent() ? "yes" : "-");
        } catch (RuntimeException e) {
          seen.accept(e);
          outcome =
              new Outcome(
                  c.name(),
                  "UNTYPED " + e.getClass().getName(),
                  settled(fake),
                  "",
                  "",
                  "",
                  "",
                  "",
                  "",
                  "");
        }
        outcomes.add(outcome);
      }
    }
    return outcomes;
  }

  /**
   * The requests the fake has recorded, once the count holds still: the fake records a request
   * after answering it, so the last one may land a moment after the client has given up.
   */
  static int settled(SpaceScopeFake fake) {
    int seen = fake.requests().size();
    for (int still = 0; still < 3; ) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      int now = fake.requests().size();
      still = now == seen ? still + 1 : 0;
      seen = now;
    }
    return seen;
  }

  static String table(List<Outcome> outcomes) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Outcome o : outcomes) {
      sb.append(o.tableRow()).append('\n');
    }
    return sb.toString();
  }
}
