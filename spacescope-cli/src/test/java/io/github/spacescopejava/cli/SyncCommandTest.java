package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private static String[] append(String[] args, String arg) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = arg;
    return all;
  }
}
