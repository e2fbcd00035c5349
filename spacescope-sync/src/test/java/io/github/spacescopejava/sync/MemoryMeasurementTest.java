package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of a per-provider operation (365 days x 2,000 providers) synced by a JVM limited to {@code
 * -Xmx64m}. Runs only with {@code -Dsync.measure=true}:
 *
 * <pre>
 * ./mvnw -B -pl spacescope-sync -am test -Dsync.measure=true -Dtest=MemoryMeasurementTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip
 * </pre>
 */
class MemoryMeasurementTest {
  static final Instant NOW = Instant.parse("2025-01-10T21:30:00Z");

  @TempDir Path dir;

  @Test
  void aYearOfEveryProviderSyncsUnderSixtyFourMegabytesOfHeap() throws Exception {
    assumeThat(Boolean.getBoolean("sync.measure")).as("-Dsync.measure=true").isTrue();
    Path db = dir.resolve("s.duckdb");
    Path log = dir.resolve("child.log");
    try (SpaceScopeFake fake =
        SpaceScopeFake.builder().clock(NOW).providerPopulation(2000).start()) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx64m",
              "-cp",
              System.getProperty("java.class.path"),
              Child.class.getName(),
              fake.baseUrl(),
              db.toString());
      pb.environment().put("SYNC_CHILD_TOKEN", fake.token());
      pb.redirectErrorStream(true);
      pb.redirectOutput(new File(log.toString()));
      long t0 = System.nanoTime();
      Process p = pb.start();
      assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
      double seconds = (System.nanoTime() - t0) / 1e9;
      String out = Files.readString(log);
      System.out.printf(
          "MemoryMeasurement: exit %d in %.0f s: %s%n", p.exitValue(), seconds, out.strip());
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("rows 730000");
    }
  }

  /** The child: {@code BASE_URL DB}, the token from the environment. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
      try (SpaceScope client =
          SpaceScope.builder()
              .baseUrl(args[0])
              .token(System.getenv("SYNC_CHILD_TOKEN"))
              .clock(clock)
              .build()) {
        SyncSummary summary =
            SpaceScopeSync.builder()
                .client(client)
                .database(Path.of(args[1]))
                .clock(clock)
                .from(LocalDate.of(2024, 1, 1))
                .to(LocalDate.of(2024, 12, 30))
                .build()
                .sync(List.of("storage_provider/power"));
        Runtime rt = Runtime.getRuntime();
        System.out.println(
            "rows "
                + summary.rowsWritten()
                + ", requests "
                + summary.requests()
                + ", max heap "
                + rt.maxMemory() / (1024 * 1024)
                + " MiB");
      }
    }
  }
}
