package io.github.spacescopejava.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads a test's DuckDB file: every row of a query as column name to value. */
final class Db {
  private Db() {}

  static List<Map<String, Object>> query(Path database, String sql) {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, readOnly);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = r.getObject(i);
          if (value instanceof java.sql.Timestamp) {
            value = r.getObject(i, java.time.LocalDateTime.class);
          }
          row.put(meta.getColumnName(i), value);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a stored value is exactly the JSON value the API sent: numbers equal in value (the
   * column's scale may add zeros), days and hours the same instant, text the same text.
   */
  static boolean same(com.fasterxml.jackson.databind.JsonNode sent, Object stored) {
    if (sent == null || sent.isNull()) {
      return stored == null;
    }
    if (stored instanceof java.math.BigInteger i) {
      return sent.isTextual()
          ? new java.math.BigInteger(sent.textValue()).equals(i)
          : sent.decimalValue().compareTo(new java.math.BigDecimal(i)) == 0;
    }
    if (stored instanceof java.math.BigDecimal d) {
      return sent.decimalValue().compareTo(d) == 0;
    }
    if (stored instanceof Long l) {
      return sent.decimalValue().compareTo(java.math.BigDecimal.valueOf(l)) == 0;
    }
    if (stored instanceof java.time.LocalDate d) {
      return sent.textValue().equals(d.toString())
          || java.time.OffsetDateTime.parse(sent.textValue())
              .toInstant()
              .equals(d.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }
    if (stored instanceof java.time.LocalDateTime t) {
      return java.time.OffsetDateTime.parse(sent.textValue())
          .toInstant()
          .equals(t.toInstant(java.time.ZoneOffset.UTC));
    }
    if (stored instanceof Boolean b) {
      return sent.isBoolean() && sent.booleanValue() == b;
    }
    return sent.isTextual()
        ? sent.textValue().equals(stored.toString())
        : sent.toString().equals(stored.toString());
  }

  static void execute(Path database, String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static long count(Path database, String sql) {
    return ((Number) query(database, sql).get(0).values().iterator().next()).longValue();
  }
}
