package io.github.spacescopejava.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.sync.ParquetExport.ExportedTable;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export read back by a second reader, parquet-java (D70), value for value against the DuckDB
 * tables: every column of every row, decoded from the Parquet types alone (decimals from their
 * unscaled bytes and the declared scale, days from epoch days, timestamps from microseconds), so
 * that no value passes through a double or through DuckDB on the way back.
 */
class ParquetJavaReadBackTest {
  static final List<String> OPERATIONS =
      List.of(
          "power/network_storage_capacity",
          "economics/block_reward",
          "gas/network_base_fee",
          "deals/deal_snapshot");

  @TempDir Path dir;

  @Test
  void parquetJavaReadsEveryValueOfTheExportAsDuckDbHasIt() throws Exception {
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
          .dealSearch(DealSearch.builder().providerId("f01675012").build())
          .build()
          .sync(OPERATIONS);
    }

    List<ExportedTable> tables = ParquetExport.export(db, dir.resolve("pq"), List.of());

    assertThat(tables).hasSize(OPERATIONS.size());
    List<String> kinds = new ArrayList<>();
    for (ExportedTable t : tables) {
      Map<String, Integer> inDuckDb = duckDbRows(db, t.table(), kinds);
      Map<String, Integer> inParquet = new HashMap<>();
      long read = 0;
      try (Stream<Path> files = Files.walk(t.directory())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
          for (String row : parquetRows(file)) {
            inParquet.merge(row, 1, Integer::sum);
            read++;
          }
        }
      }
      assertThat(read).as("rows of %s read by parquet-java", t.table()).isEqualTo(t.rows());
      assertThat(inParquet).as("rows of %s", t.table()).isEqualTo(inDuckDb);
    }
    // The types the comparison went through: a table of each kind of exact value.
    assertThat(kinds)
        .contains(
            "BigDecimal", "BigInteger", "LocalDate", "LocalDateTime", "Long", "Boolean", "String");
  }

  /**
   * Each row of a table as text, column by column in the table's order, with its count; {@code
   * kinds} collects the Java types seen.
   */
  private static Map<String, Integer> duckDbRows(Path db, String table, List<String> kinds)
      throws Exception {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    Map<String, Integer> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object v = r.getObject(i);
          if (v instanceof java.sql.Timestamp) {
            v = r.getObject(i, LocalDateTime.class);
          }
          if (v instanceof java.sql.Date) {
            v = r.getObject(i, LocalDate.class);
          }
          if (v != null && !kinds.contains(v.getClass().getSimpleName())) {
            kinds.add(v.getClass().getSimpleName());
          }
          row.append(meta.getColumnName(i)).append('=').append(text(v)).append('|');
        }
        rows.merge(row.toString(), 1, Integer::sum);
      }
    }
    return rows;
  }

  /** The rows of one Parquet file, read with parquet-java's example Group reader. */
  private static List<String> parquetRows(Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ParquetReader<Group> reader =
        new ParquetReader.Builder<Group>(
            new LocalInputFile(file), new PlainParquetConfiguration()) {
          @Override
          protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
          }
        }.build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        GroupType schema = g.getType();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < schema.getFieldCount(); i++) {
          Object v = g.getFieldRepetitionCount(i) == 0 ? null : value(g, i);
          row.append(schema.getFieldName(i)).append('=').append(text(v)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** A value from its Parquet physical and logical type, the way any Parquet reader decodes it. */
  private static Object value(Group g, int field) {
    PrimitiveType type = g.getType().getType(field).asPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof DecimalLogicalTypeAnnotation d) {
      BigInteger unscaled =
          switch (type.getPrimitiveTypeName()) {
            case INT32 -> BigInteger.valueOf(g.getInteger(field, 0));
            case INT64 -> BigInteger.valueOf(g.getLong(field, 0));
            default -> new BigInteger(g.getBinary(field, 0).getBytes());
          };
      return new BigDecimal(unscaled, d.getScale());
    }
    if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LocalDate.ofEpochDay(g.getInteger(field, 0));
    }
    if (logical instanceof TimestampLogicalTypeAnnotation ts) {
      long micros = g.getLong(field, 0);
      if (ts.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
        throw new IllegalStateException("unexpected timestamp unit " + ts.getUnit());
      }
      return LocalDateTime.ofEpochSecond(
          Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000,
          ZoneOffset.UTC);
    }
    return switch (type.getPrimitiveTypeName()) {
      case BOOLEAN -> g.getBoolean(field, 0);
      case INT64 -> g.getLong(field, 0);
      case INT32 -> (long) g.getInteger(field, 0);
      case BINARY -> g.getBinary(field, 0).toStringUsingUTF8();
      default ->
          throw new IllegalStateException(
              "a column of type " + type + " the export should not write");
    };
  }

  /**
   * One text per value: decimals and whole numbers by their digits (a HUGEINT column is exported as
   * DECIMAL(38,0): the same digits), so 1.50 and 1.5 differ, and 7 as BIGINT equals 7.
   */
  private static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Integer i) {
      return Long.toString(i);
    }
    return v.toString();
  }
}
