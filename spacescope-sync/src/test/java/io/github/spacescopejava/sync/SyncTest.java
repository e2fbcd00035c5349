package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTest {
  static final String POWER = "power/network_storage_capacity";

  @TempDir Path dir;
  SpaceScopeFake fake;
  SpaceScope client;
  Path db;

  @BeforeEach
  void start() {
    // Day 2025-01-09 is published at 21:00 UTC on 2025-01-10.
    fake = SpaceScopeFake.builder().clock(Instant.parse("2025-01-10T21:30:00Z")).start();
    client =
        SpaceScope.builder()
            .baseUrl(fake.baseUrl())
            .token(fake.token())
            .clock(fake.clock())
            .retryPolicy(RetryPolicy.none())
            .build();
    db = dir.resolve("s.duckdb");
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  SpaceScopeSync.Builder sync() {
    return SpaceScopeSync.builder().client(client).database(db).clock(fake.clock());
  }

  @Test
  void aYearIsOneRowPerDayWithTheClientsExactValues() {
    SyncSummary summary =
        sync()
            .from(LocalDate.of(2024, 1, 1))
            .to(LocalDate.of(2024, 12, 31))
            .build()
            .sync(List.of(POWER));

    assertThat(summary.rowsWritten()).isEqualTo(366);
    assertThat(summary.requests()).isEqualTo(5); // 366 days in windows of 90
    assertThat(summary.syncedThrough()).containsEntry(POWER, LocalDate.of(2024, 12, 31));
    List<NetworkStorageCapacityRow> expected =
        client.power().networkStorageCapacity(DateRange.year(2024));
    List<Map<String, Object>> rows =
        Db.query(db, "SELECT * FROM power.network_storage_capacity ORDER BY stat_date");
    assertThat(rows).hasSize(366);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      JsonNode want = SpaceScopeJson.newObjectMapper().valueToTree(expected.get(i));
      assertThat(row.get("stat_date")).isEqualTo(expected.get(i).getStatDateAsLocalDate());
      want.properties()
          .forEach(
              f ->
                  assertThat(Db.same(f.getValue(), row.get(f.getKey())))
                      .as("%s on %s: %s", f.getKey(), row.get("stat_date"), row.get(f.getKey()))
                      .isTrue());
      assertThat(row.get("_extra")).isNull();
    }
  }

  @Test
  void columnsHaveExactTypesAndTheKeyIsTheDay() {
    sync()
        .from(LocalDate.of(2024, 12, 1))
        .to(LocalDate.of(2024, 12, 31))
        .build()
        .sync(List.of(POWER, "circulating_supply/circulating_supply"));

    Map<String, String> types = types("power", "network_storage_capacity");
    assertThat(types)
        .containsEntry("stat_date", "DATE")
        .containsEntry("total_qa_bytes_power", "HUGEINT")
        .containsEntry("_extra", "JSON");
    assertThat(types("circulating_supply", "circulating_supply").values())
        .anyMatch(t -> t.startsWith("DECIMAL(38,"));
    assertThat(
            Db.query(
                db,
                "SELECT constraint_type FROM information_schema.table_constraints"
                    + " WHERE table_schema = 'power' AND table_name = 'network_storage_capacity'"))
        .extracting(r -> r.get("constraint_type"))
        .contains("PRIMARY KEY");
  }

  @Test
  void aSecondRunSendsOneRequestAndWritesOnlyTheLookback() {
    SpaceScopeSync sync =
        sync().from(LocalDate.of(2024, 1, 1)).to(LocalDate.of(2024, 12, 31)).build();
    sync.sync(List.of(POWER));
    fake.resetRequests();

    SyncSummary again = sync.sync(List.of(POWER));

    assertThat(again.requests()).isEqualTo(1);
    assertThat(fake.requests()).hasSize(1);
    assertThat(fake.requests().get(0).requestLine())
        .contains("start_date=2024-12-29")
        .contains("end_date=2024-12-31");
    assertThat(again.rowsWritten()).isZero();
    assertThat(Db.count(db, "SELECT count(*) FROM power.network_storage_capacity")).isEqualTo(366);
  }

  @Test
  void aRevisionInsideTheLookbackIsPickedUpAndOneOutsideItIsNot() throws Exception {
    SpaceScopeSync sync =
        sync().from(LocalDate.of(2024, 12, 1)).to(LocalDate.of(2024, 12, 31)).build();
    sync.sync(List.of(POWER));
    String select =
        "SELECT stat_date, total_qa_bytes_power FROM power.network_storage_capacity"
            + " WHERE stat_date IN ('2024-12-20', '2024-12-30', '2024-12-31') ORDER BY stat_date";
    List<Object> sent =
        Db.query(db, select).stream().map(r -> r.get("total_qa_bytes_power")).toList();
    // What the table would hold had the API sent other values then, and revised them since: the
    // newest day (12-31) and the one before, inside the 3-day lookback, and one 11 days back. (The
    // fake has no revisions of its own; the stored value is changed instead, which is the same to
    // the sync: what the API sends now differs from what is stored.)
    Db.execute(
        db,
        "UPDATE power.network_storage_capacity SET total_qa_bytes_power = 1"
            + " WHERE stat_date IN ('2024-12-20', '2024-12-30', '2024-12-31')");

    SyncSummary again = sync.sync(List.of(POWER));

    assertThat(again.rowsWritten()).isEqualTo(2);
    assertThat(Db.query(db, select))
        .extracting(r -> r.get("total_qa_bytes_power"))
        .containsExactly(BigInteger.ONE, sent.get(1), sent.get(2));
    assertThat(sent.get(1)).isNotEqualTo(BigInteger.ONE);
    assertThat(sent.get(2)).isNotEqualTo(BigInteger.ONE);
  }

  @Test
  void withoutToARunGoesToTheLatestPublishedDayAndThenFetchesOnlyNewDays() {
    SpaceScopeSync sync = sync().from(LocalDate.of(2024, 12, 1)).lookbackDays(0).build();
    assertThat(sync.sync(List.of(POWER)).syncedThrough())
        .containsEntry(POWER, LocalDate.of(2025, 1, 9));

    fake.advanceClock(java.time.Duration.ofDays(2));
    fake.resetRequests();
    SyncSummary next = sync.sync(List.of(POWER));

    assertThat(next.rowsWritten()).isEqualTo(2);
    assertThat(next.syncedThrough()).containsEntry(POWER, LocalDate.of(2025, 1, 11));
    assertThat(fake.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.requestLine()).contains("start_date=2025-01-10"));
  }

  @Test
  void notReadyForTheNewestDayEndsTheOperationTheDayBeforeWithoutError() {
    fake.given(Scenario.on("/v2/power/network_storage_capacity").once(Fault.errorCode(30004)));

    SyncSummary summary = sync().from(LocalDate.of(2025, 1, 1)).build().sync(List.of(POWER));

    assertThat(summary.syncedThrough()).containsEntry(POWER, LocalDate.of(2025, 1, 8));
    assertThat(Db.count(db, "SELECT count(*) FROM power.network_storage_capacity")).isEqualTo(8);
    assertThat(
            Db.count(
                db,
                "SELECT count(*) FROM power.network_storage_capacity WHERE stat_date = '2025-01-08'"))
        .isEqualTo(1);
  }

  @Test
  void aQuotaStopsTheRunKeepingWhatWasCommittedAndTheNextRunGoesOn() {
    fake.given(
        Scenario.on("/v2/power/network_storage_capacity")
            .afterRequests(2)
            .always(Fault.errorCode(30001)));
    SpaceScopeSync sync =
        sync().from(LocalDate.of(2024, 1, 1)).to(LocalDate.of(2024, 12, 31)).concurrency(1).build();

    assertThatThrownBy(() -> sync.sync(List.of(POWER)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SyncException.Kind.API);
              assertThat(e.getMessage())
                  .contains(POWER)
                  .contains("left: " + POWER + " (3 requests");
              SyncSummary partial = e.summary().orElseThrow();
              assertThat(partial.rowsWritten()).isEqualTo(180);
              assertThat(partial.syncedThrough()).containsEntry(POWER, LocalDate.of(2024, 6, 28));
            });
    assertThat(Db.count(db, "SELECT count(*) FROM power.network_storage_capacity")).isEqualTo(180);

    fake.resetScenarios();
    SyncSummary next = sync.sync(List.of(POWER));
    assertThat(next.syncedThrough()).containsEntry(POWER, LocalDate.of(2024, 12, 31));
    assertThat(Db.count(db, "SELECT count(*) FROM power.network_storage_capacity")).isEqualTo(366);
  }

  @Test
  @SuppressWarnings("try") // the lock is held by being open
  void aSecondSyncOfTheSameDatabaseStopsAtOnce() throws Exception {
    try (FileChannel channel =
            FileChannel.open(
                dir.resolve("s.duckdb.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      assertThatThrownBy(() -> sync().from(LocalDate.of(2024, 1, 1)).build().sync(List.of(POWER)))
          .isInstanceOfSatisfying(
              SyncException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SyncException.Kind.LOCKED);
                assertThat(e.getMessage()).contains("another sync is writing");
              });
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void hourlyWindowsLoseAndDoubleNoHourAtTheirEdges() {
    // 60 days of hours: two windows of at most 31 days, an edge between them.
    sync()
        .from(LocalDate.of(2024, 2, 1))
        .to(LocalDate.of(2024, 3, 31))
        .build()
        .sync(List.of("gas/network_base_fee"));

    List<Map<String, Object>> stats =
        Db.query(
            db,
            "SELECT count(*) AS n, count(DISTINCT hour_date) AS distinct_hours, min(hour_date) AS first,"
                + " max(hour_date) AS last FROM gas.network_base_fee");
    assertThat(stats.get(0))
        .containsEntry("n", 60L * 24)
        .containsEntry("distinct_hours", 60L * 24)
        .containsEntry("first", LocalDateTime.parse("2024-02-01T00:00:00"))
        .containsEntry("last", LocalDateTime.parse("2024-03-31T23:00:00"));
    assertThat(
            Db.count(
                db,
                "SELECT count(*) FROM (SELECT hour_date - lag(hour_date) OVER (ORDER BY hour_date) AS step FROM gas.network_base_fee) WHERE step <> INTERVAL 1 HOUR"))
        .isZero();
  }

  @Test
  void theExpirationScheduleIsReplacedAsAWholeEachRun() {
    SpaceScopeSync sync = sync().build();
    SyncSummary first = sync.sync(List.of("power/sectors_schedule_expiration"));
    long rows = Db.count(db, "SELECT count(*) FROM power.sectors_schedule_expiration");
    SyncSummary second = sync.sync(List.of("power/sectors_schedule_expiration"));

    assertThat(first.requests()).isEqualTo(1);
    assertThat(second.requests()).isEqualTo(1);
    assertThat(rows).isGreaterThan(365).isEqualTo(first.rowsWritten());
    assertThat(Db.count(db, "SELECT count(*) FROM power.sectors_schedule_expiration"))
        .isEqualTo(rows);
  }

  @Test
  void perProviderOperationsSendOneRequestPerDayForEveryProvider() {
    SpaceScopeSync sync =
        sync().from(LocalDate.of(2025, 1, 1)).to(LocalDate.of(2025, 1, 3)).build();
    assertThat(sync.plan(List.of("storage_provider/power")))
        .singleElement()
        .satisfies(p -> assertThat(p.requests()).isEqualTo(3));

    SyncSummary summary = sync.sync(List.of("storage_provider/power"));

    assertThat(summary.requests()).isEqualTo(3);
    assertThat(summary.rowsWritten()).isEqualTo(3L * SpaceScopeFake.DEFAULT_PROVIDER_POPULATION);
    assertThat(Db.count(db, "SELECT count(DISTINCT miner_id) FROM storage_provider.power"))
        .isEqualTo(SpaceScopeFake.DEFAULT_PROVIDER_POPULATION);
  }

  @Test
  void aDatabaseThatCannotBeWrittenStopsTheRunBeforeAnyRequest() throws Exception {
    // Tests run as root, for whom file modes do not apply: a regular file stands where the
    // database's directory should be.
    Path notADirectory = java.nio.file.Files.createFile(dir.resolve("not-a-directory"));
    SpaceScopeSync sync =
        SpaceScopeSync.builder()
            .client(client)
            .database(notADirectory.resolve("s.duckdb"))
            .clock(fake.clock())
            .build();

    assertThatThrownBy(() -> sync.sync(List.of(POWER)))
        .isInstanceOfSatisfying(
            SyncException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SyncException.Kind.DATABASE);
              assertThat(e.getMessage()).contains("not-a-directory");
            });
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void unknownAndPagedOperationsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> sync().build().sync(List.of("power/nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power/nope");
    assertThatThrownBy(() -> sync().build().sync(List.of("deals/deal_snapshot")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paged search");
    assertThat(fake.requests()).isEmpty();
  }

  static final String DEALS = "deals/deal_snapshot";

  @Test
  void theDealSearchIsASnapshotPerRunKeyedByDealIdWithEveryValueOfEveryPage() throws Exception {
    io.github.spacescopejava.client.DealSearch search =
        io.github.spacescopejava.client.DealSearch.builder()
            .providerId("f01675012")
            .pageSize(100)
            .build();
    @SuppressWarnings("deprecation") // the deal search is deprecated upstream, still documented
    List<io.github.spacescopejava.generated.model.DealSnapshotRow> expected =
        client.deals().dealSnapshot(search).toList();
    assertThat(expected).hasSize(SpaceScopeFake.DEFAULT_DEAL_POPULATION);
    fake.resetRequests();

    SyncSummary first = sync().dealSearch(search).build().sync(List.of(DEALS));

    assertThat(first.rowsWritten()).isEqualTo(expected.size());
    assertThat(first.requests()).isEqualTo(3).isEqualTo(fake.requests().size()); // 100, 100, 50
    assertThat(types("deals", "deal_snapshot"))
        .containsEntry("deal_id", "BIGINT")
        .containsEntry("provider_collateral", "HUGEINT")
        .containsEntry("start_timestamp", "TIMESTAMP");
    List<Map<String, Object>> rows =
        Db.query(db, "SELECT * EXCLUDE (_extra) FROM deals.deal_snapshot ORDER BY deal_id");
    assertThat(rows).hasSameSizeAs(expected);
    com.fasterxml.jackson.databind.ObjectMapper mapper = SpaceScopeJson.newObjectMapper();
    List<JsonNode> sent =
        expected.stream()
            .<JsonNode>map(r -> mapper.valueToTree(r))
            .sorted(java.util.Comparator.comparingLong(n -> n.get("deal_id").asLong()))
            .toList();
    for (int i = 0; i < rows.size(); i++) {
      for (Map.Entry<String, Object> column : rows.get(i).entrySet()) {
        assertThat(Db.same(sent.get(i).get(column.getKey()), column.getValue()))
            .as(
                "deal %s, %s: sent %s, stored %s",
                sent.get(i).get("deal_id"),
                column.getKey(),
                sent.get(i).get(column.getKey()),
                column.getValue())
            .isTrue();
      }
    }
    assertThat(Db.count(db, "SELECT count(DISTINCT deal_id) FROM deals.deal_snapshot"))
        .isEqualTo(expected.size());

    // The same snapshot again: nothing written.
    SyncSummary again = sync().dealSearch(search).build().sync(List.of(DEALS));
    assertThat(again.rowsWritten()).isZero();
    assertThat(Db.count(db, "SELECT count(*) FROM deals.deal_snapshot")).isEqualTo(expected.size());

    // A run that fails on its second page leaves the last snapshot whole.
    fake.given(
        Scenario.on("/v2/deals/deal_snapshot").afterRequests(1).always(Fault.errorCode(30003)));
    assertThatThrownBy(() -> sync().dealSearch(search).build().sync(List.of(DEALS)))
        .isInstanceOfSatisfying(
            SyncException.class, e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.API));
    assertThat(Db.count(db, "SELECT count(*) FROM deals.deal_snapshot")).isEqualTo(expected.size());
  }

  @Test
  void aSearchThatFindsFewerDealsReplacesTheSnapshot() {
    io.github.spacescopejava.client.DealSearch search =
        io.github.spacescopejava.client.DealSearch.builder().providerId("f01675012").build();
    sync().dealSearch(search).build().sync(List.of(DEALS));
    assertThat(Db.count(db, "SELECT count(*) FROM deals.deal_snapshot"))
        .isEqualTo(SpaceScopeFake.DEFAULT_DEAL_POPULATION);

    // Fewer deals match the same search now: the table is the new snapshot, not the union.
    try (SpaceScopeFake fewer =
            SpaceScopeFake.builder()
                .clock(Instant.parse("2025-01-10T21:30:00Z"))
                .dealPopulation(120)
                .start();
        SpaceScope other =
            SpaceScope.builder()
                .baseUrl(fewer.baseUrl())
                .token(fewer.token())
                .clock(fewer.clock())
                .build()) {
      SpaceScopeSync.builder()
          .client(other)
          .database(db)
          .clock(fewer.clock())
          .dealSearch(search)
          .build()
          .sync(List.of(DEALS));
    }
    assertThat(Db.count(db, "SELECT count(*) FROM deals.deal_snapshot")).isEqualTo(120);
  }

  private Map<String, String> types(String schema, String table) {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    for (Map<String, Object> r :
        Db.query(
            db,
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = '"
                + schema
                + "' AND table_name = '"
                + table
                + "'")) {
      types.put((String) r.get("column_name"), (String) r.get("data_type"));
    }
    return types;
  }

  static BigDecimal decimal(Object o) {
    return (BigDecimal) o;
  }
}
