package io.github.spacescopejava.sync;

import io.github.spacescopejava.client.SpaceScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A sync in a JVM of its own, for the crash tests to kill: {@code BASE_URL TOKEN CLOCK DB}, with
 * the token read from the environment so that it is never on a command line.
 */
public final class SyncChild {
  static final List<String> OPERATIONS =
      List.of(
          "power/network_storage_capacity",
          "circulating_supply/circulating_supply",
          "gas/network_base_fee",
          "economics/block_reward");
  static final LocalDate FROM = LocalDate.of(2024, 10, 1);
  static final LocalDate TO = LocalDate.of(2024, 12, 31);

  private SyncChild() {}

  public static void main(String[] args) {
    Clock clock = Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC);
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl(args[0])
            .token(System.getenv("SYNC_CHILD_TOKEN"))
            .clock(clock)
            .build()) {
      SyncSummary summary =
          SpaceScopeSync.builder()
              .client(client)
              .database(Path.of(args[2]))
              .clock(clock)
              .from(FROM)
              .to(TO)
              .concurrency(2)
              .listener(
                  new SyncListener() {
                    @Override
                    public void committed(String operation, LocalDate syncedThrough, long rows) {
                      // Read by CrashTest, which kills this JVM after a chosen number of these.
                      System.out.println("committed " + operation + " " + syncedThrough);
                    }
                  })
              .build()
              .sync(OPERATIONS);
      System.out.println("done " + summary.rowsWritten());
    }
  }
}
