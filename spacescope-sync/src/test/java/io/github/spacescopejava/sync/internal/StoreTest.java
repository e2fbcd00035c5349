package io.github.spacescopejava.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.DateRange;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;

  static final FieldSpec DAY =
      new FieldSpec("stat_date", "string", "date-time", false, false, null, false);
  static final FieldSpec BYTES = new FieldSpec("bytes", "number", null, false, true, 2e19, false);
  static final FieldSpec FIL = new FieldSpec("fil", "number", null, false, false, 2e5, false);

  static OperationSpec op(FieldSpec... fields) {
    return new OperationSpec(
        "Power_x",
        "Power",
        "/v2/power/x",
        Shape.DAY_RANGE,
        90,
        false,
        "stat_date",
        false,
        false,
        List.of(fields));
  }

  static ObjectNode row(String json) throws Exception {
    return (ObjectNode) ColumnTest.json(json);
  }

  @Test
  void aFieldTheSpecGainsBecomesAColumnOnTheNextRunAndUnknownFieldsAreKeptAsJson()
      throws Exception {
    DateRange day = DateRange.day(LocalDate.of(2024, 1, 1));
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout before = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(before);
      store.writeWindow(
          before,
          day,
          List.of(
              row(
                  "{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":20431876696867700001,\"fil\":1.5}")),
          "run1",
          day.end());

      TableLayout after = TableLayout.of(op(DAY, BYTES, FIL));
      assertThat(store.ensureTable(after)).containsExactly("fil");
      store.writeWindow(
          after,
          DateRange.day(LocalDate.of(2024, 1, 2)),
          List.of(
              row(
                  "{\"stat_date\":\"2024-01-02T00:00:00Z\",\"bytes\":1,\"fil\":2.25,\"new_thing\":[1,2]}")),
          "run2",
          LocalDate.of(2024, 1, 2));

      List<String> rows = new ArrayList<>();
      try (Statement s = store.connection().createStatement();
          ResultSet r =
              s.executeQuery("SELECT stat_date, bytes, fil, _extra FROM power.x ORDER BY 1")) {
        while (r.next()) {
          rows.add(
              r.getObject(1)
                  + " "
                  + r.getObject(2)
                  + " "
                  + r.getBigDecimal(3)
                  + " "
                  + r.getString(4));
        }
      }
      assertThat(rows)
          .containsExactly(
              "2024-01-01 20431876696867700001 null {\"fil\":1.5}",
              "2024-01-02 1 2.250000000000000000000000 {\"new_thing\":[1,2]}");
      assertThat(store.syncedThrough("power/x")).isEqualTo(LocalDate.of(2024, 1, 2));
    }
  }

  @Test
  void aValueThatDoesNotFitFailsNamingOperationFieldValueAndTypeAndWritesNothing()
      throws Exception {
    DateRange day = DateRange.day(LocalDate.of(2024, 1, 1));
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout layout = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(layout);

      assertThatThrownBy(
              () ->
                  store.writeWindow(
                      layout,
                      day,
                      List.of(row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":12.5}")),
                      "run",
                      day.end()))
          .isInstanceOf(Store.RowProblem.class)
          .hasMessageContaining("power/x")
          .hasMessageContaining("bytes")
          .hasMessageContaining("12.5")
          .hasMessageContaining("HUGEINT");
      assertThat(store.syncedThrough("power/x")).isNull();
    }
  }

  @Test
  void twoRowsWithOneKeyFailTheWindowAndLeaveTheTableAsItWas() throws Exception {
    DateRange day = DateRange.day(LocalDate.of(2024, 1, 1));
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout layout = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(layout);
      store.writeWindow(
          layout,
          day,
          List.of(row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":7}")),
          "r1",
          day.end());

      assertThatThrownBy(
              () ->
                  store.writeWindow(
                      layout,
                      day,
                      List.of(
                          row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":1}"),
                          row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":2}")),
                      "r2",
                      day.end()))
          .isInstanceOf(Store.RowProblem.class)
          .hasMessageContaining("share the key [stat_date]");
      try (Statement s = store.connection().createStatement();
          ResultSet r = s.executeQuery("SELECT bytes FROM power.x")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getObject(1)).isEqualTo(BigInteger.valueOf(7));
        assertThat(r.next()).isFalse();
      }
    }
  }

  @Test
  void aRowOutsideItsWindowIsRefused() throws Exception {
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout layout = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(layout);
      assertThatThrownBy(
              () ->
                  store.writeWindow(
                      layout,
                      DateRange.day(LocalDate.of(2024, 1, 1)),
                      List.of(row("{\"stat_date\":\"2024-01-05T00:00:00Z\",\"bytes\":1}")),
                      "r",
                      LocalDate.of(2024, 1, 1)))
          .isInstanceOf(Store.RowProblem.class)
          .hasMessageContaining("dated 2024-01-05");
    }
  }

  @Test
  void consecutiveWindowsInOneTransactionCountRowsPerWindowAndFailTogether() throws Exception {
    DateRange d1 = DateRange.day(LocalDate.of(2024, 1, 1));
    DateRange d2 = DateRange.day(LocalDate.of(2024, 1, 2));
    DateRange d3 = DateRange.day(LocalDate.of(2024, 1, 3));
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout layout = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(layout);
      store.writeWindow(
          layout,
          d1,
          List.of(row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":1}")),
          "r1",
          d1.end());

      // d1 again as it is, d2 new, d3 new: 0, 1, 1 rows written.
      long[] written =
          store.writeWindows(
              layout,
              List.of(d1, d2, d3),
              List.of(
                  List.of(row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":1}")),
                  List.of(row("{\"stat_date\":\"2024-01-02T00:00:00Z\",\"bytes\":2}")),
                  List.of(row("{\"stat_date\":\"2024-01-03T00:00:00Z\",\"bytes\":3}"))),
              "r2");
      assertThat(written).containsExactly(0, 1, 1);
      assertThat(store.syncedThrough("power/x")).isEqualTo(d3.end());

      // A misfit in the last window: the revision of the first is not written either.
      assertThatThrownBy(
              () ->
                  store.writeWindows(
                      layout,
                      List.of(d1, d2),
                      List.of(
                          List.of(row("{\"stat_date\":\"2024-01-01T00:00:00Z\",\"bytes\":10}")),
                          List.of(row("{\"stat_date\":\"2024-01-02T00:00:00Z\",\"bytes\":2.5}"))),
                      "r3"))
          .isInstanceOf(Store.RowProblem.class)
          .hasMessageContaining("bytes");
      assertThat(bytes(store)).containsExactly("1", "2", "3");

      // Windows with a gap would delete the days between them: refused.
      assertThatThrownBy(
              () ->
                  store.writeWindows(layout, List.of(d1, d3), List.of(List.of(), List.of()), "r4"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("consecutive");
      assertThat(bytes(store)).containsExactly("1", "2", "3");
    }
  }

  @Test
  void aRollbackAfterTheAppenderLeavesNoneOfItsRows() throws Exception {
    // The appender writes into the table inside the window's transaction (D68), which a statement
    // has started: if DuckDB committed appended rows on its own, a crash mid-window would leave
    // half a window.
    try (Store store = Store.open(dir.resolve("s.duckdb").toString(), false)) {
      TableLayout layout = TableLayout.of(op(DAY, BYTES));
      store.ensureTable(layout);
      store.connection().setAutoCommit(false);
      // As writeWindow does: a statement first, which starts the transaction.
      try (Statement s = store.connection().createStatement()) {
        s.execute("DELETE FROM power.x WHERE stat_date = DATE '2024-01-01'");
      }
      try (var appender =
          store
              .connection()
              .unwrap(org.duckdb.DuckDBConnection.class)
              .createAppender("power", "x")) {
        appender.beginRow();
        appender.append(LocalDate.of(2024, 1, 1));
        appender.append(BigInteger.ONE);
        appender.appendNull();
        appender.endRow();
      }
      store.connection().rollback();
      store.connection().setAutoCommit(true);
      assertThat(bytes(store)).isEmpty();
    }
  }

  private static List<String> bytes(Store store) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT bytes FROM power.x ORDER BY stat_date")) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }
}
