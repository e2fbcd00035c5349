package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;
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
 * of {@code storage_provider/power} (every provider of the fake), fetched once, then (a) written as
 * a sync writes them ({@code Store.writeWindows}: conversion, comparison with what is there,
 * appender, state, one transaction) and (b) saved as NDJSON and loaded with {@code CREATE TABLE AS
 * SELECT * FROM read_json(...)}. The sync writes the windows already fetched together (D68), at
 * most its concurrency (4 by default): when writing is the bottleneck, the windows ahead are all
 * fetched, so (a) writes 4 days per transaction; one day per transaction is printed as well. Not
 * JMH (that is {@code SyncIngestBenchmark}): 10 rounds each ({@code -Dsync.measure.rounds}),
 * alternating, the best kept (the first rounds warm the JIT up). Runs only with {@code
 * -Dsync.measure=true}:
 *
 * <pre>
 * ./mvnw -B -pl spacescope-sync -am test -Dsync.measure=true -Dtest=IngestMeasurementTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip
 * </pre>
 */
class IngestMeasurementTest {
  static final int DAYS = 10;
  static final int PROVIDERS = 2000;
  static final int ROUNDS = Integer.getInteger("sync.measure.rounds", 10);
  static final int BATCH = 4;

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
    double oneByOneBest = 0;
    double readJsonBest = 0;
    for (int r = 0; r < ROUNDS; r++) {
      int round = r;
      syncBest = Math.max(syncBest, rows / seconds(() -> write(op, days, windows, BATCH, round)));
      oneByOneBest =
          Math.max(oneByOneBest, rows / seconds(() -> write(op, days, windows, 1, round)));
      Path plain = dir.resolve("read-json-" + round + ".duckdb");
      readJsonBest =
          Math.max(
              readJsonBest,
              rows
                  / seconds(
                      () -> {
                        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + plain);
                            Statement s = c.createStatement()) {
                          s.execute(
                              "CREATE TABLE t AS SELECT * FROM read_json('"
                                  + ndjson
                                  + "', format = 'newline_delimited')");
                        }
                      }));
    }
    assertThat(
            Db.count(
                dir.resolve("sync-" + BATCH + "-0.duckdb"),
                "SELECT count(*) FROM storage_provider.power"))
        .isEqualTo(rows);
    System.out.printf(
        "IngestMeasurement: %d rows (%d days x %d providers); sync writes %.0f rows/s (%d days per"
            + " transaction; one day per transaction: %.0f rows/s), read_json loads %.0f rows/s;"
            + " ratio %.2f (one day per transaction: %.2f)%n",
        rows,
        DAYS,
        PROVIDERS,
        syncBest,
        BATCH,
        oneByOneBest,
        readJsonBest,
        syncBest / readJsonBest,
        oneByOneBest / readJsonBest);
  }

  /** Writes the days into a new database as a sync does, {@code batch} days per transaction. */
  private void write(
      OperationSpec op, List<DateRange> days, List<List<ObjectNode>> windows, int batch, int round)
      throws Exception {
    Path db = dir.resolve("sync-" + batch + "-" + round + ".duckdb");
    try (Store store = Store.open(db.toString(), false)) {
      TableLayout layout = TableLayout.of(op);
      store.ensureTable(layout);
      for (int i = 0; i < days.size(); i += batch) {
        int end = Math.min(days.size(), i + batch);
        store.writeWindows(layout, days.subList(i, end), windows.subList(i, end), "measure");
      }
    }
  }

  private static double seconds(Step step) throws Exception {
    long t0 = System.nanoTime();
    step.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private interface Step {
    void run() throws Exception;
  }
}
