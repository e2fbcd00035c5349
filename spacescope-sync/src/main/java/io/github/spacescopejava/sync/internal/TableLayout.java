package io.github.spacescopejava.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of one operation, derived from the spec: {@code schema.table}, a column per row field,
 * the key, and {@value #EXTRA} for the fields the spec does not know yet.
 *
 * @param operation the operation
 * @param columns the columns of the spec's fields, in the spec's order
 * @param key the key columns (a subset of {@code columns})
 */
public record TableLayout(OperationSpec operation, List<Column> columns, List<String> key) {
  /** The JSON column holding, per row, the fields the spec does not declare (null when none). */
  public static final String EXTRA = "_extra";

  public TableLayout {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
  }

  public static TableLayout of(OperationSpec op) {
    List<String> key = op.keyFields();
    // The day of a day-shaped operation is a DATE; an hourly row's hour stays a TIMESTAMP.
    boolean dayKeyed = op.shape() != Shape.HOURLY_RANGE;
    List<Column> columns = new ArrayList<>();
    for (FieldSpec f : op.fields()) {
      boolean dayKey = dayKeyed && f.name().equals(op.rowDateField());
      columns.add(Column.of(f, dayKey));
    }
    return new TableLayout(op, columns, key);
  }

  /** {@code "schema"."table"}. */
  public String qualifiedName() {
    return quote(operation.schema()) + "." + quote(operation.table());
  }

  /** The column holding the row's day or hour, or null (the deal search). */
  public Column dateColumn() {
    String field = operation.rowDateField();
    return columns.stream()
        .filter(c -> c.name().equals(field))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    operation.name() + " has no row date field " + field + " among its fields"));
  }

  public String createSql() {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualifiedName());
    sql.append(" (");
    for (Column c : columns) {
      sql.append(quote(c.name())).append(' ').append(c.sqlType());
      if (key.contains(c.name())) {
        sql.append(" NOT NULL");
      }
      sql.append(", ");
    }
    sql.append(quote(EXTRA)).append(" JSON");
    if (!key.isEmpty()) {
      sql.append(", PRIMARY KEY (")
          .append(key.stream().map(TableLayout::quote).collect(Collectors.joining(", ")))
          .append(')');
    }
    return sql.append(')').toString();
  }

  public String insertSql() {
    return "INSERT INTO "
        + qualifiedName()
        + " ("
        + columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
        + ", "
        + quote(EXTRA)
        + ") VALUES ("
        + "?, ".repeat(columns.size())
        + "?)";
  }

  /** A SQL identifier in double quotes. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
