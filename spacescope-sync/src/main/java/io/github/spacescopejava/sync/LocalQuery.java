package io.github.spacescopejava.sync;

import io.github.spacescopejava.sync.internal.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs a SQL query on a synced database, read-only, and hands the rows over with exact values, so
 * callers need no JDBC driver of their own.
 */
public final class LocalQuery {
  private LocalQuery() {}

  /** Receives a query's columns, then its rows in order. */
  public interface Rows {
    void columns(List<String> names);

    /**
     * One row: per column {@code null}, {@link LocalDate}, {@link LocalDateTime} (UTC), {@link
     * java.math.BigInteger}, {@link java.math.BigDecimal}, {@link Long}, {@link Integer}, {@link
     * Double}, {@link Boolean} or {@link String} (JSON columns as their text).
     */
    void row(List<@Nullable Object> values);
  }

  /**
   * Runs {@code sql} on {@code database}, opened read-only.
   *
   * @throws SyncException {@link SyncException.Kind#DATABASE} when the file is missing or the query
   *     fails, with DuckDB's message
   */
  public static void run(Path database, String sql, Rows rows) {
    if (!Files.exists(database)) {
      throw new SyncException(
          SyncException.Kind.DATABASE, database + " does not exist: run a sync first", null, null);
    }
    try (Store store = Store.open(database.toString(), true);
        Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData meta = r.getMetaData();
      int n = meta.getColumnCount();
      List<String> names = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        names.add(meta.getColumnLabel(i));
      }
      rows.columns(names);
      while (r.next()) {
        List<@Nullable Object> values = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          values.add(value(r, meta, i));
        }
        rows.row(values);
      }
    } catch (SQLException e) {
      throw new SyncException(
          SyncException.Kind.DATABASE,
          "the query failed on " + database + ": " + e.getMessage(),
          null,
          e);
    }
  }

  private static @Nullable Object value(ResultSet r, ResultSetMetaData meta, int i)
      throws SQLException {
    int type = meta.getColumnType(i);
    if (type == Types.DATE) {
      return r.getObject(i, LocalDate.class);
    }
    if (type == Types.TIMESTAMP) {
      return r.getObject(i, LocalDateTime.class);
    }
    Object value = r.getObject(i);
    if (value == null
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof String) {
      return value;
    }
    return value.toString();
  }
}
