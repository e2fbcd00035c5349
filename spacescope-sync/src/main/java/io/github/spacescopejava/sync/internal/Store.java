package io.github.spacescopejava.sync.internal;

import static io.github.spacescopejava.sync.internal.TableLayout.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.DateRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * The DuckDB side of a sync: the tables, the state table and the one transaction per window that
 * writes a window's rows together with the state that says they are there (decision D51).
 */
public final class Store implements AutoCloseable {
  /** The schema of the sync's own tables. */
  public static final String META = "_spacescope_sync";

  private final Connection connection;

  /**
   * Per table, for each of its columns in the table's order, the index of its value in a converted
   * row (the layout's columns, then {@value TableLayout#EXTRA}), or -1 for a column the spec no
   * longer has: the appender fills columns in the table's order, and a column added later comes
   * after {@value TableLayout#EXTRA}.
   */
  private final Map<String, int[]> appendOrder = new HashMap<>();

  /** The state update of {@link #writeWindow}, prepared once. */
  private @Nullable PreparedStatement upsertState;

  private Store(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating when absent) the database file; {@code readOnly} for queries and exports. */
  public static Store open(String jdbcPath, boolean readOnly) throws SQLException {
    Properties properties = new Properties();
    if (readOnly) {
      properties.setProperty("duckdb.read_only", "true");
    }
    Connection connection = DriverManager.getConnection("jdbc:duckdb:" + jdbcPath, properties);
    Store store = new Store(connection);
    if (!readOnly) {
      try (Statement s = connection.createStatement()) {
        connection.setAutoCommit(false); // one commit for the three
        s.execute("CREATE SCHEMA IF NOT EXISTS " + META);
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + META
                + ".state (operation VARCHAR PRIMARY KEY, table_name VARCHAR NOT NULL,"
                + " synced_through DATE, last_run VARCHAR NOT NULL, updated_at TIMESTAMP NOT NULL,"
                + " requests BIGINT NOT NULL, rows_written BIGINT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + META
                + ".runs (run VARCHAR PRIMARY KEY, started_at TIMESTAMP NOT NULL,"
                + " finished_at TIMESTAMP, status VARCHAR NOT NULL, operations VARCHAR NOT NULL,"
                + " requests BIGINT, rows_written BIGINT, message VARCHAR)");
        connection.commit();
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    }
    return store;
  }

  public Connection connection() {
    return connection;
  }

  /**
   * Creates the table when absent, and adds a column for every field the spec gained since.
   *
   * @return the columns added to an existing table
   */
  public List<String> ensureTable(TableLayout layout) throws SQLException {
    String schema = layout.operation().schema();
    String table = layout.operation().table();
    List<String> added = new java.util.ArrayList<>();
    // One transaction, and only the statements needed: each statement on its own is a commit.
    connection.setAutoCommit(false);
    try {
      Set<String> existing = columns(schema, table);
      try (Statement s = connection.createStatement()) {
        if (existing.isEmpty()) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
          s.execute(layout.createSql());
        } else {
          for (Column c : layout.columns()) {
            if (!existing.contains(c.name())) {
              s.execute(
                  "ALTER TABLE "
                      + layout.qualifiedName()
                      + " ADD COLUMN "
                      + quote(c.name())
                      + " "
                      + c.sqlType());
              added.add(c.name());
            }
          }
          if (!existing.contains(TableLayout.EXTRA)) {
            s.execute(
                "ALTER TABLE "
                    + layout.qualifiedName()
                    + " ADD COLUMN "
                    + quote(TableLayout.EXTRA)
                    + " JSON");
          }
        }
        // The stage of earlier versions (rows appended outside the transaction, then copied):
        // the appender now writes into the table inside the window's transaction.
        if (!columns(META, stageTable(layout)).isEmpty()) {
          s.execute("DROP TABLE " + META + "." + quote(stageTable(layout)));
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
    appendOrder.remove(layout.qualifiedName());
    appendOrder(layout);
    return added;
  }

  /** The columns of a table, none when it does not exist. */
  private Set<String> columns(String schema, String table) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?")) {
      p.setString(1, schema);
      p.setString(2, table);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1));
        }
      }
    }
    return columns;
  }

  /** The last day committed for {@code operation}, or null before its first window. */
  public @Nullable LocalDate syncedThrough(String operation) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT synced_through FROM " + META + ".state WHERE operation = ?")) {
      p.setString(1, operation);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getObject(1, LocalDate.class) : null;
      }
    }
  }

  /** Every operation's last day committed. */
  public Map<String, LocalDate> state() throws SQLException {
    Map<String, LocalDate> state = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT operation, synced_through FROM "
                    + META
                    + ".state WHERE synced_through IS NOT NULL")) {
      while (r.next()) {
        state.put(r.getString(1), r.getObject(2, LocalDate.class));
      }
    }
    return state;
  }

  /**
   * Replaces the rows of {@code window} (every row when null: the whole series) with {@code rows}
   * and records the operation's state, in one transaction: after a crash either all of it is there
   * or none of it. A window whose rows are all already there, value for value, is left as it is.
   *
   * @param syncedThrough the operation's new last day committed (never moves back)
   * @return the rows written: those that were not in the table with the same values
   * @throws RowProblem for a value that does not fit, a row outside the window, a repeated key
   */
  public long writeWindow(
      TableLayout layout,
      @Nullable DateRange window,
      List<ObjectNode> rows,
      String run,
      LocalDate syncedThrough)
      throws SQLException {
    return write(
        layout, window, window == null ? null : List.of(window), List.of(rows), run, syncedThrough)[
        0];
  }

  /**
   * As {@link #writeWindow} for consecutive windows (each starting the day after the one before) in
   * one transaction: one comparison, one delete, one append, one state update and one commit for
   * all of them, which a sync uses for the windows already fetched when it gets to write.
   *
   * @param rows the rows of each window, in the order of {@code windows}
   * @return the rows written per window
   * @throws IllegalArgumentException when the windows are not consecutive
   */
  public long[] writeWindows(
      TableLayout layout, List<DateRange> windows, List<List<ObjectNode>> rows, String run)
      throws SQLException {
    if (windows.isEmpty() || windows.size() != rows.size()) {
      throw new IllegalArgumentException(
          windows.size() + " windows and " + rows.size() + " row lists: one list per window");
    }
    for (int i = 1; i < windows.size(); i++) {
      if (!windows.get(i).start().equals(windows.get(i - 1).end().plusDays(1))) {
        throw new IllegalArgumentException(
            "windows must be consecutive: " + windows.get(i - 1) + " then " + windows.get(i));
      }
    }
    DateRange span = DateRange.of(windows.get(0).start(), windows.get(windows.size() - 1).end());
    return write(layout, span, windows, rows, run, span.end());
  }

  private long[] write(
      TableLayout layout,
      @Nullable DateRange span,
      @Nullable List<DateRange> windows,
      List<List<ObjectNode>> rows,
      String run,
      LocalDate syncedThrough)
      throws SQLException {
    OperationSpec op = layout.operation();
    // Converted before the transaction: a misfit fails the run with nothing half-written.
    List<List<Object[]>> values = new java.util.ArrayList<>(rows.size());
    int count = 0;
    for (int i = 0; i < rows.size(); i++) {
      DateRange window = windows == null ? null : windows.get(i);
      List<Object[]> v = convert(layout, window, rows.get(i));
      requireUniqueKeys(layout, window, v);
      values.add(v);
      count += v.size();
    }
    String where =
        span == null
            ? ""
            : " WHERE CAST(" + quote(layout.dateColumn().name()) + " AS DATE) BETWEEN ? AND ?";
    Map<String, Integer> before = existing(layout, where, span);
    long[] written = new long[values.size()];
    boolean unchanged;
    if (before.isEmpty()) {
      for (int i = 0; i < values.size(); i++) {
        written[i] = values.get(i).size();
      }
      unchanged = count == 0;
    } else {
      long total = 0;
      for (int i = 0; i < values.size(); i++) {
        for (Object[] row : values.get(i)) {
          String signature = signature(row);
          Integer n = before.get(signature);
          if (n == null || n == 0) {
            written[i]++;
          } else {
            before.put(signature, n - 1);
          }
        }
        total += written[i];
      }
      unchanged = total == 0 && before.values().stream().allMatch(n -> n == 0);
    }
    connection.setAutoCommit(false);
    try {
      if (!unchanged) {
        // Always a statement before the appender, even with nothing to delete: DuckDB starts the
        // transaction at the first statement, and an appender used before any appends and
        // commits on its own.
        try (PreparedStatement p =
            connection.prepareStatement("DELETE FROM " + layout.qualifiedName() + where)) {
          if (span != null) {
            p.setObject(1, span.start());
            p.setObject(2, span.end());
          }
          p.execute();
        }
        append(layout, values);
      }
      if (upsertState == null) {
        upsertState =
            connection.prepareStatement(
                "INSERT INTO "
                    + META
                    + ".state VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (operation) DO UPDATE SET"
                    + " table_name = excluded.table_name,"
                    + " synced_through = greatest(state.synced_through, excluded.synced_through),"
                    + " last_run = excluded.last_run, updated_at = excluded.updated_at,"
                    + " requests = state.requests + excluded.requests,"
                    + " rows_written = state.rows_written + excluded.rows_written");
      }
      PreparedStatement p = upsertState;
      p.setString(1, op.name());
      p.setString(2, op.schema() + "." + op.table());
      p.setObject(3, syncedThrough);
      p.setString(4, run);
      p.setObject(5, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      p.setLong(6, values.size());
      p.setLong(7, java.util.Arrays.stream(written).sum());
      p.execute();
      connection.commit();
      return written;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** The rows of the window already in the table, as signatures with their counts. */
  private Map<String, Integer> existing(
      TableLayout layout, String where, @Nullable DateRange window) throws SQLException {
    List<Column> columns = layout.columns();
    StringBuilder select = new StringBuilder("SELECT ");
    for (Column c : columns) {
      select.append(quote(c.name())).append(", ");
    }
    select.append(quote(TableLayout.EXTRA)).append(" FROM ").append(layout.qualifiedName());
    Map<String, Integer> rows = new HashMap<>();
    try (PreparedStatement p = connection.prepareStatement(select + where)) {
      if (window != null) {
        p.setObject(1, window.start());
        p.setObject(2, window.end());
      }
      try (ResultSet r = p.executeQuery()) {
        Object[] row = new Object[columns.size() + 1];
        while (r.next()) {
          for (int i = 0; i < columns.size(); i++) {
            row[i] =
                switch (columns.get(i).kind()) {
                  case DATE -> r.getObject(i + 1, LocalDate.class);
                  case TIMESTAMP -> r.getObject(i + 1, LocalDateTime.class);
                  case JSON, VARCHAR -> r.getString(i + 1);
                  default -> r.getObject(i + 1);
                };
          }
          row[columns.size()] = r.getString(columns.size() + 1);
          rows.merge(signature(row), 1, Integer::sum);
        }
      }
    }
    return rows;
  }

  private static String signature(Object[] row) {
    StringBuilder s = new StringBuilder();
    for (Object v : row) {
      s.append(v).append('\u0001');
    }
    return s.toString();
  }

  /** The stage table of earlier versions, dropped when found. */
  private static String stageTable(TableLayout layout) {
    OperationSpec op = layout.operation();
    return "stage__" + op.schema() + "__" + op.table();
  }

  /**
   * Appends the window's rows to the table with DuckDB's appender, inside the window's transaction
   * (the caller turned auto-commit off): a rollback or a crash before the commit leaves none of
   * them. Keys are checked before ({@link #requireUniqueKeys}), and the window's old rows deleted,
   * so the appender meets no key conflict: DuckDB would abort the transaction without telling the
   * appender's caller.
   */
  private void append(TableLayout layout, List<List<Object[]>> values) throws SQLException {
    if (values.stream().allMatch(List::isEmpty)) {
      return;
    }
    OperationSpec op = layout.operation();
    int[] order = appendOrder(layout);
    try (DuckDBAppender appender =
        connection.unwrap(DuckDBConnection.class).createAppender(op.schema(), op.table())) {
      for (Object[] row : (Iterable<Object[]>) values.stream().flatMap(List::stream)::iterator) {
        appender.beginRow();
        for (int at : order) {
          Object v = at < 0 ? null : row[at];
          if (v == null) {
            appender.appendNull();
          } else if (v instanceof LocalDate d) {
            appender.append(d);
          } else if (v instanceof LocalDateTime t) {
            appender.append(t);
          } else if (v instanceof BigInteger i) {
            appender.append(i);
          } else if (v instanceof BigDecimal d) {
            appender.append(d);
          } else if (v instanceof Long l) {
            appender.append(l.longValue());
          } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
          } else {
            appender.append((String) v);
          }
        }
        appender.endRow();
      }
    }
  }

  private int[] appendOrder(TableLayout layout) throws SQLException {
    int[] known = appendOrder.get(layout.qualifiedName());
    if (known != null) {
      return known;
    }
    List<String> names = new java.util.ArrayList<>();
    for (Column c : layout.columns()) {
      names.add(c.name());
    }
    names.add(TableLayout.EXTRA);
    List<Integer> order = new java.util.ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, layout.operation().schema());
      p.setString(2, layout.operation().table());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          order.add(names.indexOf(r.getString(1)));
        }
      }
    }
    int[] result = order.stream().mapToInt(Integer::intValue).toArray();
    appendOrder.put(layout.qualifiedName(), result);
    return result;
  }

  /** Refuses a window in which two rows share the table's key, naming the key and its value. */
  private static void requireUniqueKeys(
      TableLayout layout, @Nullable DateRange window, List<Object[]> values) {
    List<Column> columns = layout.columns();
    int[] key = layout.key().stream().mapToInt(k -> indexOf(columns, k)).toArray();
    if (key.length == 0) {
      return;
    }
    Set<List<Object>> seen = new HashSet<>(values.size() * 2);
    for (Object[] row : values) {
      List<Object> k = new java.util.ArrayList<>(key.length);
      for (int i : key) {
        k.add(row[i]);
      }
      if (!seen.add(k)) {
        throw new RowProblem(
            layout.operation().name()
                + ": two rows of "
                + (window == null ? "the series" : window)
                + " share the key "
                + layout.key()
                + " = "
                + k
                + "; nothing of this window was written");
      }
    }
  }

  private static int indexOf(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name);
  }

  private static List<Object[]> convert(
      TableLayout layout, @Nullable DateRange window, List<ObjectNode> rows) {
    OperationSpec op = layout.operation();
    List<Column> columns = layout.columns();
    Set<String> declared = new HashSet<>();
    columns.forEach(c -> declared.add(c.name()));
    List<Object[]> values = new java.util.ArrayList<>(rows.size());
    for (ObjectNode row : rows) {
      Object[] v = new Object[columns.size() + 1];
      for (int i = 0; i < columns.size(); i++) {
        Column c = columns.get(i);
        JsonNode node = row.get(c.name());
        try {
          v[i] = c.convert(node);
        } catch (Column.Misfit e) {
          throw new RowProblem(
              op.name()
                  + ": field "
                  + c.name()
                  + " has the value "
                  + excerpt(node)
                  + ", which does not fit its column type "
                  + c.sqlType()
                  + " ("
                  + e.getMessage()
                  + "); nothing of this window was written");
        }
        if (v[i] == null && layout.key().contains(c.name())) {
          throw new RowProblem(
              op.name() + ": a row has no value for its key field " + c.name() + ": " + row);
        }
      }
      if (window != null) {
        Object date = v[columns.indexOf(layout.dateColumn())];
        LocalDate day = date instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) date;
        if (day == null || !window.contains(day)) {
          throw new RowProblem(
              op.name() + ": the API sent a row dated " + day + " for the window " + window);
        }
      }
      ObjectNode extra = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = row.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!declared.contains(e.getKey())) {
          if (extra == null) {
            extra = JsonNodeFactory.instance.objectNode();
          }
          extra.set(e.getKey(), e.getValue());
        }
      }
      v[columns.size()] = extra == null ? null : extra.toString();
      values.add(v);
    }
    return values;
  }

  /** Records the start of a run. */
  public void runStarted(String run, List<String> operations) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO "
                + META
                + ".runs (run, started_at, status, operations) VALUES (?, ?, 'running', ?)")) {
      p.setString(1, run);
      p.setObject(2, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      p.setString(3, String.join(",", operations));
      p.execute();
    }
  }

  /** Records the end of a run. */
  public void runFinished(
      String run, String status, long requests, long rowsWritten, @Nullable String message)
      throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "UPDATE "
                + META
                + ".runs SET finished_at = ?, status = ?, requests = ?, rows_written = ?,"
                + " message = ? WHERE run = ?")) {
      p.setObject(1, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      p.setString(2, status);
      p.setLong(3, requests);
      p.setLong(4, rowsWritten);
      p.setString(5, message);
      p.setString(6, run);
      p.execute();
    }
  }

  private static String excerpt(@Nullable JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  private static String firstLine(@Nullable String text) {
    String t = String.valueOf(text);
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  @Override
  public void close() throws SQLException {
    if (upsertState != null) {
      upsertState.close();
    }
    connection.close();
  }

  /** A row the table cannot take as sent; the message names the operation, field and value. */
  public static final class RowProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowProblem(String message) {
      super(message);
    }
  }
}
