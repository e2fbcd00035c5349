package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.internal.Catalog;
import io.github.spacescopejava.sync.internal.OperationSpec;
import io.github.spacescopejava.sync.internal.RowSource;
import io.github.spacescopejava.sync.internal.Store;
import io.github.spacescopejava.sync.internal.TableLayout;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against DuckDB's own bulk load, same JVM, same rows: the rows of {@code DAYS} state days
 * of {@code storage_provider/power} (every provider of the fake), fetched once, then (a) written
 * window by window as a sync writes them ({@code Store.writeWindow}: conversion, comparison with
 * what is there, stage, transaction) and (b) saved as NDJSON and loaded with {@code CREATE TABLE AS
 * SELECT * FROM read_json(...)}. Not JMH (D42's forks and warm-up): three rounds each, the best
 * kept. Runs only with {@code -Dsync.measure=true}:
 *
 * <pre>
 * ./mvnw -B -pl spacescope-sync -am test -Dsync.measure=true -Dtest=IngestMeasurementTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip
 * </pre>
 */
class IngestMeasurementTest {
  static final int DAYS = 10;
  static final int PROVIDERS = 2000;

  @TempDir Path dir;

  @Test
  void writesRowsAtLeastHalfAsFastAsReadJson() throws Exception {
    assumeThat(Boolean.getBoolean("sync.measure")).as("-Dsync.measure=true").isTrue();
    OperationSpec op = Catalog.bundled().find("storage_provider/power").orElseThrow();
    List<DateRange> days =
        DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, DAYS)).split(1);
    List<List<ObjectNode>> windows = new ArrayList<>();
    try (SpaceScopeFake fake =
            SpaceScopeFake.builder()
                .clock(Instant.parse("2025-01-10T21:30:00Z"))
                .providerPopulation(PROVIDERS)
                .start();
        SpaceScope client =
            SpaceScope.builder()
                .baseUrl(fake.baseUrl())
                .token(fake.token())
                .clock(fake.clock())
                .build()) {
      RowSource source = RowSource.of(client, op, false);
      for (DateRange day : days) {
        windows.add(source.fetch(day));
      }
    }
    long rows = windows.stream().mapToLong(List::size).sum();
    Path ndjson = dir.resolve("rows.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(ndjson)) {
      for (List<ObjectNode> w : windows) {
        for (ObjectNode row : w) {
          out.write(row.toString());
          out.write('\n');
        }
      }
    }
    double syncBest = 0;
    double readJsonBest = 0;
    for (int round = 0; round < 3; round++) {
      Path db = dir.resolve("sync-" + round + ".duckdb");
      long t0 = System.nanoTime();
      try (Store store = Store.open(db.toString(), false)) {
        TableLayout layout = TableLayout.of(op);
        store.ensureTable(layout);
        for (int i = 0; i < days.size(); i++) {
          store.writeWindow(layout, days.get(i), windows.get(i), "measure", days.get(i).end());
        }
      }
      syncBest = Math.max(syncBest, rows / ((System.nanoTime() - t0) / 1e9));

      Path plain = dir.resolve("read-json-" + round + ".duckdb");
      long t1 = System.nanoTime();
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + plain);
          Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE t AS SELECT * FROM read_json('"
                + ndjson
                + "', format = 'newline_delimited')");
      }
      readJsonBest = Math.max(readJsonBest, rows / ((System.nanoTime() - t1) / 1e9));
    }
    System.out.printf(
        "IngestMeasurement: %d rows (%d days x %d providers); sync writes %.0f rows/s, read_json"
            + " loads %.0f rows/s; ratio %.2f%n",
        rows, DAYS, PROVIDERS, syncBest, readJsonBest, syncBest / readJsonBest);
  }
}
