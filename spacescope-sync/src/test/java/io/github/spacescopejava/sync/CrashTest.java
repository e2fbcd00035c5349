package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.sync.internal.Catalog;
import io.github.spacescopejava.sync.internal.OperationSpec;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a syncing JVM at random moments, each followed by a resumed run: every table
 * ends equal, value by value, to a clean run's. {@code sync.kills} moments (2 in verify, 20 with
 * {@code -Psync-full}); the seed is printed and can be set with {@code sync.seed}.
 *
 * <p>Every kill lands mid-run: a moment is a random number of committed windows (the child prints a
 * line per commit) plus a random part of one request's time, and the fake paces every answer
 * ({@value #LATENCY_MILLIS} ms), so that the next commit is still ahead. The test fails if the
 * child had already finished when killed.
 */
class CrashTest {
  static final Instant NOW = Instant.parse("2025-01-10T21:30:00Z");
  static final int LATENCY_MILLIS = 60;
  static SpaceScopeFake fake;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    fake = SpaceScopeFake.builder().clock(NOW).start();
    // Requests take a little time, as the real API's do, so that kills land mid-run.
    fake.given(
        Scenario.onEveryOperation().always(Fault.latency(Duration.ofMillis(LATENCY_MILLIS))));
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  @Test
  void aRunKilledAtAnyMomentAndResumedEndsWithTheTablesOfACleanRun() throws Exception {
    int kills = Integer.getInteger("sync.kills", 2);
    long seed = Long.getLong("sync.seed", System.nanoTime());
    System.out.println("CrashTest: " + kills + " kills, seed " + seed);
    Random random = new Random(seed);

    Path clean = dir.resolve("clean.duckdb");
    long started = System.nanoTime();
    Process cleanRun = child(clean, true);
    int commits = commitsUntilExit(cleanRun);
    assertThat(cleanRun.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(cleanRun.exitValue()).isZero();
    long cleanMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(tableCount(clean)).isEqualTo(SyncChild.OPERATIONS.size());
    assertThat(commits).as("commits of a clean run").isGreaterThan(2);

    List<String> report = new ArrayList<>();
    for (int k = 0; k < kills; k++) {
      Path db = dir.resolve("killed-" + k + ".duckdb");
      // After 0 to commits - 2 commits (so that at least one is still ahead), within a request.
      int after = random.nextInt(commits - 1);
      long within = random.nextInt(LATENCY_MILLIS / 2);
      Process p = child(db, true);
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int seen = 0;
      boolean done = false;
      while (seen < after) {
        String line = out.readLine();
        if (line == null || line.startsWith("done")) {
          done = true;
          break;
        }
        if (line.startsWith("committed ")) {
          seen++;
        }
      }
      Thread.sleep(within);
      boolean midRun = !done && p.isAlive() && !finished(out);
      p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no commit, no close
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(midRun)
          .as("kill %d (after %d commits + %d ms) landed before the run finished", k, after, within)
          .isTrue();
      Process resumed = child(db, false);
      assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(resumed.exitValue()).as("resumed run after kill %d", k).isZero();
      assertSameTables(clean, db);
      report.add(after + " commits + " + within + " ms");
    }
    System.out.println(
        "CrashTest: clean run "
            + cleanMillis
            + " ms, "
            + commits
            + " commits; all "
            + kills
            + " kills mid-run, at "
            + report);
  }

  /** Reads a child's output to its end; the number of commits it printed. */
  private static int commitsUntilExit(Process p) throws Exception {
    int commits = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("committed ")) {
          commits++;
        }
      }
    }
    return commits;
  }

  /** Whether the child has printed its last line, without waiting for more. */
  private static boolean finished(BufferedReader out) throws Exception {
    while (out.ready()) {
      String line = out.readLine();
      if (line == null || line.startsWith("done")) {
        return true;
      }
    }
    return false;
  }

  /** A child sync of {@code db}; {@code piped}: its output to read, else to {@code db.log}. */
  private static Process child(Path db, boolean piped) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "-Duser.timezone=" + System.getProperty("user.timezone"),
            SyncChild.class.getName(),
            fake.baseUrl(),
            NOW.toString(),
            db.toString());
    pb.environment().put("SYNC_CHILD_TOKEN", fake.token());
    pb.redirectErrorStream(true);
    if (!piped) {
      pb.redirectOutput(new File(db + ".log"));
    }
    return pb.start();
  }

  private static long tableCount(Path db) {
    return Db.count(
        db,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('_spacescope_sync', 'main')");
  }

  private static void assertSameTables(Path clean, Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("ATTACH '" + clean + "' AS clean (READ_ONLY)");
      s.execute("ATTACH '" + db + "' AS resumed (READ_ONLY)");
      Catalog catalog = Catalog.bundled();
      for (String name : SyncChild.OPERATIONS) {
        OperationSpec op = catalog.find(name).orElseThrow();
        String t = op.schema() + "." + op.table();
        long cleanRows = count(s, "SELECT count(*) FROM clean." + t);
        long differing =
            count(
                s,
                "SELECT count(*) FROM ((SELECT * FROM clean."
                    + t
                    + " EXCEPT ALL SELECT * FROM resumed."
                    + t
                    + ") UNION ALL (SELECT * FROM resumed."
                    + t
                    + " EXCEPT ALL SELECT * FROM clean."
                    + t
                    + "))");
        assertThat(cleanRows).as(t).isPositive();
        assertThat(differing).as("rows of %s that differ from a clean run's", t).isZero();
        assertThat(count(s, "SELECT count(*) FROM resumed." + t)).isEqualTo(cleanRows);
      }
      assertThat(
              count(
                  s,
                  "SELECT count(*) FROM (SELECT operation, synced_through FROM clean._spacescope_sync.state EXCEPT SELECT operation, synced_through FROM resumed._spacescope_sync.state)"))
          .isZero();
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
