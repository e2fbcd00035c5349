package com.example.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.LocalQuery;
import io.github.spacescopejava.sync.SyncSummary;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SpaceScopeFakeTest(clock = "2025-01-10T21:30:00Z")
class LocalCopyTest {
  @TempDir Path dir;

  @Test
  void theFirstRunCopiesTheHistoryAndTheNextOneOnlyLooksBack(SpaceScopeFake fake) {
    Path db = dir.resolve("spacescope.duckdb");
    try (SpaceScope spacescope =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .build()) {
      SyncSummary first = LocalCopy.update(spacescope, fake.clock(), db);
      SyncSummary second = LocalCopy.update(spacescope, fake.clock(), db);

      assertThat(first.rowsWritten()).isEqualTo(366 + 9); // 2024, and 2025-01-01 to 01-09
      assertThat(first.syncedThrough())
          .containsEntry("power/network_storage_capacity", LocalDate.of(2025, 1, 9));
      assertThat(second.requests()).isEqualTo(1);
      assertThat(second.rowsWritten()).isZero();
    }
    List<Object> count = new ArrayList<>();
    LocalQuery.run(
        db,
        "SELECT count(*) FROM power.network_storage_capacity",
        new LocalQuery.Rows() {
          @Override
          public void columns(List<String> names) {}

          @Override
          public void row(List<Object> values) {
            count.addAll(values);
          }
        });
    assertThat(count).containsExactly(375L);
  }
}
