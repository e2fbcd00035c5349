package io.github.spacescopejava.benchmarks;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sync's ingest target (issue 20): rows written per second at least half of DuckDB's own bulk
 * load of the same answers. The rows of 10 state days of {@code storage_provider/power} with 2,000
 * providers (20,000 rows), fetched once from the fake, then per operation into a new database file:
 *
 * <ul>
 *   <li>{@link #syncFourDaysPerTransaction}: as a sync writes them when writing is the bottleneck
 *       (the 4 windows fetched ahead go into one transaction, D68): conversion to exact values,
 *       comparison with what is there, DuckDB's appender, state, commit;
 *   <li>{@link #syncOneDayPerTransaction}: the same, one window per transaction (when fetching is
 *       the bottleneck);
 *   <li>{@link #readJson}, the baseline: {@code CREATE TABLE AS SELECT * FROM read_json(...)} of
 *       the same rows saved as NDJSON (types guessed by DuckDB, decimals as doubles: not exact).
 * </ul>
 *
 * Same rows, so the ratio of rows per second is the baseline's time over the sync's. Run alone:
 *
 * <pre>
 * java -cp spacescope-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SyncIngestBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class SyncIngestBenchmark {
  static final int DAYS = 10;
  static final int PROVIDERS = 2000;

  private Path dir;
  private Path ndjson;
  private OperationSpec op;
  private List<DateRange> days;
  private final List<List<ObjectNode>> windows = new ArrayList<>();
  private long rows;
  private Path db;
  private int next;

  @Setup(Level.Trial)
  public void fetchOnce() throws IOException {
    dir = Files.createTempDirectory("sync-ingest-benchmark");
    op = Catalog.bundled().find("storage_provider/power").orElseThrow();
    days = DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, DAYS)).split(1);
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
    rows = windows.stream().mapToLong(List::size).sum();
    ndjson = dir.resolve("rows.ndjson");
    try (BufferedWriter out = Files.newBufferedWriter(ndjson)) {
      for (List<ObjectNode> w : windows) {
        for (ObjectNode row : w) {
          out.write(row.toString());
          out.write('\n');
        }
      }
    }
  }

  /** A new database file for each operation, the one before deleted. */
  @Setup(Level.Invocation)
  public void newDatabase() throws IOException {
    if (db != null) {
      Files.deleteIfExists(db);
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    }
    db = dir.resolve("db-" + next++ + ".duckdb");
  }

  @TearDown(Level.Trial)
  public void deleteFiles() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  public long syncFourDaysPerTransaction() throws SQLException {
    return sync(4);
  }

  @Benchmark
  public long syncOneDayPerTransaction() throws SQLException {
    return sync(1);
  }

  @Benchmark
  public long readJson() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE t AS SELECT * FROM read_json('"
              + ndjson
              + "', format = 'newline_delimited')");
      return check(s, "t");
    }
  }

  private long sync(int batch) throws SQLException {
    try (Store store = Store.open(db.toString(), false)) {
      TableLayout layout = TableLayout.of(op);
      store.ensureTable(layout);
      for (int i = 0; i < days.size(); i += batch) {
        int end = Math.min(days.size(), i + batch);
        store.writeWindows(layout, days.subList(i, end), windows.subList(i, end), "benchmark");
      }
      try (Statement s = store.connection().createStatement()) {
        return check(s, "storage_provider.power");
      }
    }
  }

  /** The table's row count, which must be every row: a benchmark that lost rows is no figure. */
  private long check(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      long n = r.getLong(1);
      if (n != rows) {
        throw new IllegalStateException(table + " has " + n + " rows, not " + rows);
      }
      return n;
    }
  }
}
