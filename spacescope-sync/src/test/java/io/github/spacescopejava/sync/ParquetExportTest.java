package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.ParquetExport.ExportedTable;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetExportTest {
  static final List<String> OPERATIONS =
      List.of(
          "power/network_storage_capacity",
          "circulating_supply/circulating_supply",
          "gas/network_base_fee");

  @TempDir Path dir;

  @Test
  void theExportReadsBackValueForValueWithExactTypes() {
    Path db = dir.resolve("s.duckdb");
    try (SpaceScopeFake fake =
            SpaceScopeFake.builder().clock(Instant.parse("2025-01-10T21:30:00Z")).start();
        SpaceScope client =
            SpaceScope.builder()
                .baseUrl(fake.baseUrl())
                .token(fake.token())
                .clock(fake.clock())
                .build()) {
      SpaceScopeSync.builder()
          .client(client)
          .database(db)
          .clock(fake.clock())
          .from(LocalDate.of(2023, 12, 15))
          .to(LocalDate.of(2024, 1, 15))
          .build()
          .sync(OPERATIONS);
    }

    List<ExportedTable> tables = ParquetExport.export(db, dir.resolve("pq"), List.of());

    assertThat(tables)
        .extracting(ExportedTable::table)
        .containsExactlyInAnyOrder(
            "power.network_storage_capacity",
            "circulating_supply.circulating_supply",
            "gas.network_base_fee");
    for (ExportedTable t : tables) {
      String files = "read_parquet('" + t.directory() + "/**/*.parquet', hive_partitioning = true)";
      assertThat(t.directory().resolve("year=2023")).isDirectory();
      assertThat(t.directory().resolve("year=2024")).isDirectory();
      Map<String, String> stored = types(db, "DESCRIBE " + t.table());
      Map<String, String> exported = types(db, "DESCRIBE SELECT * FROM " + files);
      stored.forEach(
          (column, type) ->
              assertThat(exported.get(column))
                  .as("%s.%s", t.table(), column)
                  .isEqualTo(type.equals("HUGEINT") ? "DECIMAL(38,0)" : type));
      assertThat(exported).containsKey("year").doesNotContainValue("DOUBLE");
      String text =
          stored.keySet().stream()
              .map(c -> "CAST(\"" + c + "\" AS VARCHAR)")
              .collect(Collectors.joining(", "));
      long differing =
          Db.count(
              db,
              "SELECT count(*) FROM ((SELECT "
                  + text
                  + " FROM "
                  + t.table()
                  + " EXCEPT ALL SELECT "
                  + text
                  + " FROM "
                  + files
                  + ") UNION ALL (SELECT "
                  + text
                  + " FROM "
                  + files
                  + " EXCEPT ALL SELECT "
                  + text
                  + " FROM "
                  + t.table()
                  + "))");
      assertThat(differing).as("values of %s that differ in Parquet", t.table()).isZero();
      assertThat(Db.count(db, "SELECT count(*) FROM " + files)).isEqualTo(t.rows()).isPositive();
      assertThat(
              Db.count(
                  db,
                  "SELECT count(*) FROM " + files + " WHERE year <> year(" + dateColumn(t) + ")"))
          .isZero();
    }
  }

  private static String dateColumn(ExportedTable t) {
    return t.table().startsWith("gas.") ? "hour_date" : "stat_date";
  }

  private static Map<String, String> types(Path db, String describe) {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    for (Map<String, Object> r : Db.query(db, describe)) {
      types.put((String) r.get("column_name"), (String) r.get("column_type"));
    }
    return types;
  }
}
