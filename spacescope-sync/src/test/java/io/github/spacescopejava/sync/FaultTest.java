package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.internal.Catalog;
import io.github.spacescopejava.sync.internal.OperationSpec;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5 % of the fake's answers are faults, drawn from a seeded generator: the ones the client retries
 * (502 and 500 pages, 30003, resets) and the ones it does not (a truncated or empty body), which
 * stop the run. Runs are repeated until one finishes; the tables then equal a clean run's.
 */
class FaultTest {
  static final Instant NOW = Instant.parse("2025-01-10T21:30:00Z");
  static final List<String> OPERATIONS =
      List.of(
          "power/network_storage_capacity",
          "circulating_supply/circulating_supply",
          "gas/network_base_fee",
          "economics/block_reward",
          "fvm/total_value_locked");
  static final List<Fault> FAULTS =
      List.of(
          Fault.badGatewayHtml(),
          Fault.internalServerError(),
          Fault.errorCode(30003),
          Fault.connectionReset(),
          Fault.truncatedBody(),
          Fault.emptyBody());

  @TempDir Path dir;

  @Test
  void withFivePercentFaultsTheTablesEqualACleanRunsAfterResumedRuns() throws Exception {
    long seed = Long.getLong("sync.seed", System.nanoTime());
    Random random = new Random(seed);
    Path clean = dir.resolve("clean.duckdb");
    Path faulty = dir.resolve("faulty.duckdb");
    int cleanRequests;
    try (SpaceScopeFake fake = SpaceScopeFake.builder().clock(NOW).start()) {
      sync(fake, clean);
      cleanRequests = fake.requests().size();
      fake.resetRequests();
      // Every request has a 5 % chance of a fault, decided ahead over three times the clean count.
      int faults = 0;
      for (int i = 0; i < cleanRequests * 3; i++) {
        if (random.nextDouble() < 0.05) {
          fake.given(
              Scenario.onEveryOperation()
                  .afterRequests(i)
                  .once(FAULTS.get(random.nextInt(FAULTS.size()))));
          faults++;
        }
      }
      int runs = 0;
      boolean done = false;
      while (!done && runs < 20) {
        runs++;
        try {
          sync(fake, faulty);
          done = true;
        } catch (SyncException e) {
          assertThat(e.kind()).as(e.getMessage()).isEqualTo(SyncException.Kind.API);
        }
      }
      long faultyAnswers =
          fake.requests().stream()
              .filter(r -> r.status() != 200 || r.code() == null || r.code() != 0)
              .count();
      System.out.println(
          "FaultTest: seed "
              + seed
              + ", clean run "
              + cleanRequests
              + " requests; "
              + faults
              + " faults planned, "
              + faultyAnswers
              + " of "
              + fake.requests().size()
              + " requests faulty, "
              + runs
              + " runs");
      assertThat(done).as("a run finished within 20 (seed %d)", seed).isTrue();
    }
    assertSameTables(clean, faulty);
  }

  private static void sync(SpaceScopeFake fake, Path db) {
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(10))
                    .maxBackoff(Duration.ofMillis(50))
                    .jitter(RetryPolicy.Jitter.NONE)
                    .build())
            .build()) {
      SpaceScopeSync.builder()
          .client(client)
          .database(db)
          .clock(fake.clock())
          .from(LocalDate.of(2024, 1, 1))
          .to(LocalDate.of(2024, 12, 31))
          .build()
          .sync(OPERATIONS);
    }
  }

  static void assertSameTables(Path expected, Path actual) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("ATTACH '" + expected + "' AS a (READ_ONLY)");
      s.execute("ATTACH '" + actual + "' AS b (READ_ONLY)");
      List<String> problems = new ArrayList<>();
      for (String name : OPERATIONS) {
        OperationSpec op = Catalog.bundled().find(name).orElseThrow();
        String t = op.schema() + "." + op.table();
        try (ResultSet r =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM a."
                    + t
                    + "), (SELECT count(*) FROM ((SELECT * FROM a."
                    + t
                    + " EXCEPT ALL SELECT * FROM b."
                    + t
                    + ") UNION ALL (SELECT * FROM b."
                    + t
                    + " EXCEPT ALL SELECT * FROM a."
                    + t
                    + ")))")) {
          r.next();
          if (r.getLong(1) == 0 || r.getLong(2) != 0) {
            problems.add(t + ": " + r.getLong(1) + " rows, " + r.getLong(2) + " differ");
          }
        }
      }
      assertThat(problems).isEmpty();
    }
  }
}
