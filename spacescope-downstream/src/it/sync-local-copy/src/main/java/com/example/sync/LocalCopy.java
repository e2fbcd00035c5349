package com.example.sync;

// tag::sync-usage[]
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.SpaceScopeSync;
import io.github.spacescopejava.sync.SyncSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

public class LocalCopy {
  /** Brings the local copy up to date: the first run from 2024, later runs only what is new. */
  public static SyncSummary update(SpaceScope spacescope, Clock clock, Path database) {
    SyncSummary summary =
        SpaceScopeSync.builder()
            .client(spacescope)
            .clock(clock) // the client's clock: it decides the latest published day
            .database(database)
            .from(LocalDate.of(2024, 1, 1))
            .build()
            .sync(List.of("power/network_storage_capacity"));
    System.out.println(
        summary.rowsWritten()
            + " rows written in "
            + summary.requests()
            + " requests; synced through "
            + summary.syncedThrough());
    return summary;
  }
}
// end::sync-usage[]
