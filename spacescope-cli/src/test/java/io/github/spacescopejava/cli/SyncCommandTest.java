package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The "done when": sync, then sync again, then compare with fetch, through the command. */
class SyncCommandTest {
  @TempDir Path dir;

  @Test
  void aYearSyncedEqualsFetchValueForValueAndASecondRunWritesNothingWithOneRequest()
      throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    String[] sync = {
      "--fake",
      "sync",
      "--db",
      db,
      "--from",
      "2024-01-01",
      "--to",
      "2024-12-31",
      "power/network_storage_capacity"
    };

    CliRun first = CliRun.run(sync);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("power.network_storage_capacity: 366 rows written, 5 requests");

    CliRun fetch =
        CliRun.run(
            "--fake",
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "csv");
    CliRun sql =
        CliRun.run(
            "sql",
            "--db",
            db,
            "--format",
            "csv",
            "SELECT * EXCLUDE (_extra) FROM power.network_storage_capacity ORDER BY stat_date");
    assertThat(sql.exitCode()).as(sql.toString()).isZero();
    List<String> fetched = fetch.out().lines().toList();
    List<String> stored = sql.out().lines().toList();
    assertThat(stored).hasSize(367).first().isEqualTo(fetched.get(0));
    assertThat(fetched).hasSize(367);
    for (int i = 1; i < fetched.size(); i++) {
      String[] want = fetched.get(i).split(",", -1);
      String[] got = stored.get(i).split(",", -1);
      assertThat(got).hasSameSizeAs(want);
      assertThat(LocalDate.parse(got[0])).isEqualTo(OffsetDateTime.parse(want[0]).toLocalDate());
      for (int c = 1; c < want.length; c++) {
        assertThat(new BigDecimal(got[c]))
            .as("line %d column %d", i, c)
            .isEqualByComparingTo(new BigDecimal(want[c]));
      }
    }

    CliRun again = CliRun.run(append(sync, "--json"));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(again.out());
    assertThat(summary.get("operations").asInt()).isEqualTo(1);
    assertThat(summary.get("rows_written").asLong()).isZero();
    assertThat(summary.get("requests").asLong()).isLessThanOrEqualTo(1);
    assertThat(summary.at("/synced_through/power~1network_storage_capacity").asText())
        .isEqualTo("2024-12-31");
  }

  @Test
  void exportWritesParquetPartitionedByYear() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    CliRun sync =
        CliRun.run(
            "--fake",
            "sync",
            "--db",
            db,
            "--from",
            "2023-12-01",
            "--to",
            "2024-01-31",
            "power/network_storage_capacity");
    assertThat(sync.exitCode()).as(sync.toString()).isZero();

    CliRun export = CliRun.run("export", "--db", db, "--parquet", dir.resolve("pq").toString());

    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.out()).contains("power.network_storage_capacity: 62 rows");
    Path table = dir.resolve("pq/power/network_storage_capacity");
    assertThat(table.resolve("year=2023")).isDirectory();
    assertThat(table.resolve("year=2024")).isDirectory();
    assertThat(Files.list(dir.resolve("pq/power")).map(p -> p.getFileName().toString()))
        .containsExactly("network_storage_capacity");
  }

  @Test
  @SuppressWarnings("try") // the lock is held by being open
  void aSecondSyncOfALockedDatabaseExitsWithItsCode() throws Exception {
    Path db = dir.resolve("s.duckdb");
    try (var channel =
            java.nio.channels.FileChannel.open(
                dir.resolve("s.duckdb.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      CliRun run = CliRun.run("--fake", "sync", "--db", db.toString(), "--from", "2024-12-01");
      assertThat(run.exitCode()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(run.err()).contains("another sync is writing").doesNotContain("Exception");
    }
  }

  @Test
  void anUnknownOperationIsRefusedWithItsCode() {
    CliRun run =
        CliRun.run("--fake", "sync", "--db", dir.resolve("s.duckdb").toString(), "power/nope");
    assertThat(run.exitCode()).isEqualTo(ExitCode.UNKNOWN_NAME.code());
  }

  @Test
  void aQuotaReachedMidRunExitsWithItsCodeKeepingWhatWasCommittedAndTheNextRunGoesOn()
      throws Exception {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().systemClock().start()) {
      String db = dir.resolve("s.duckdb").toString();
      String[] sync = {
        "--base-url",
        fake.baseUrl(),
        "--token",
        fake.token(),
        "sync",
        "--db",
        db,
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "power/network_storage_capacity",
        "economics/block_reward"
      };
      // 5 windows of 90 days each; the quota runs out after 7 requests: the first operation's 5,
      // and 2 of the second's (which 2 of the 4 it fetches at once is up to the threads).
      fake.given(Scenario.quotaExhaustedAfter(7));

      CliRun stopped = CliRun.run(sync);

      assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.LIMIT.code());
      assertThat(stopped.err())
          .contains("30001", "every window before it committed", "left: economics/block_reward")
          .doesNotContain("\tat ", fake.token());
      assertThat(stopped.err().lines()).hasSize(1);
      assertThat(rows(db, "power.network_storage_capacity")).isEqualTo(366);
      assertThat(syncedDays(db, "power/network_storage_capacity", "2024-01-01")).isEqualTo(366);
      // What the second committed before the quota ran out is there, as its state says.
      assertThat(rows(db, "economics.block_reward"))
          .isEqualTo(syncedDays(db, "economics/block_reward", "2024-01-01"));

      fake.resetScenarios();
      CliRun resumed = CliRun.run(sync);
      assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
      assertThat(rows(db, "power.network_storage_capacity")).isEqualTo(366);
      assertThat(rows(db, "economics.block_reward")).isEqualTo(366);
    }
  }

  /** Targets the sync cannot write: exit code OUTPUT, one line naming why, no request sent. */
  static Stream<Arguments> unwritableTargets() {
    return Stream.of(
        Arguments.of("full", (Target) dir -> full(dir), "No space left on device"),
        Arguments.of(
            "read-only",
            (Target) dir -> Path.of("/sys/spacescope-sync-test.duckdb"),
            "/sys/spacescope-sync-test.duckdb"),
        Arguments.of(
            "a directory",
            (Target) dir -> Files.createDirectory(dir.resolve("s.duckdb")),
            "s.duckdb"));
  }

  interface Target {
    Path in(Path dir) throws Exception;
  }

  /** A database file on a device that is always full (a link to /dev/full). */
  private static Path full(Path dir) throws Exception {
    assumeThat(Path.of("/dev/full")).as("Linux's /dev/full").exists();
    return Files.createSymbolicLink(dir.resolve("full.duckdb"), Path.of("/dev/full"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unwritableTargets")
  void aTargetThatCannotBeWrittenExitsWithTheOutputCodeBeforeAnyRequest(
      String name, Target target, String says) throws Exception {
    Path db = target.in(dir);
    try (SpaceScopeFake fake = SpaceScopeFake.builder().systemClock().start()) {
      CliRun run =
          CliRun.run(
              "--base-url",
              fake.baseUrl(),
              "--token",
              fake.token(),
              "sync",
              "--db",
              db.toString(),
              "--from",
              "2024-12-01",
              "power/network_storage_capacity");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OUTPUT.code());
      assertThat(run.err()).startsWith("spacescope: ").contains(says).doesNotContain("\tat ");
      assertThat(run.err().lines()).as(run.toString()).hasSize(1);
      assertThat(fake.requests()).isEmpty();
    }
  }

  @Test
  void theDealSearchIsSyncedWithFetchsFiltersAndFiltersAloneAreRefused() throws Exception {
    String db = dir.resolve("s.duckdb").toString();
    CliRun run =
        CliRun.run(
            "--fake",
            "sync",
            "--db",
            db,
            "--json",
            "deals/deal_snapshot",
            "--filter",
            "provider_id=f01675012",
            "--page-size",
            "100");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("rows_written").asLong()).isEqualTo(250);
    assertThat(summary.get("requests").asLong()).isEqualTo(3);

    CliRun bad =
        CliRun.run(
            "--fake", "sync", "--db", db, "deals/deal_snapshot", "--filter", "provider_id=nope");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(bad.err()).contains("nope");

    CliRun alone =
        CliRun.run(
            "--fake",
            "sync",
            "--db",
            db,
            "power/network_storage_capacity",
            "--filter",
            "provider_id=f01675012");
    assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(ExitCode.USAGE.code());
  }

  /** Days from {@code from} to the state's last day committed for {@code operation}, or 0. */
  private static long syncedDays(String db, String operation, String from) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT synced_through - DATE '"
                    + from
                    + "' + 1 FROM _spacescope_sync.state"
                    + " WHERE operation = '"
                    + operation
                    + "'")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private static long rows(String db, String table) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema || '.' ||"
                    + " table_name = '"
                    + table
                    + "'")) {
      r.next();
      if (r.getLong(1) == 0) {
        return 0;
      }
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String[] append(String[] args, String arg) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = arg;
    return all;
  }
}
