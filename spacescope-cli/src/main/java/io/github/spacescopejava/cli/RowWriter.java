package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows in one {@link OutputFormat}, with exact values. The columns are the row's fields in
 * the spec's order (or the ones asked for with {@code --fields}, after the row's day and provider),
 * followed by any field the spec does not declare, found in the first row: nothing the API sent is
 * dropped. In CSV and tables a later row that brings a field of its own cannot get a column any
 * more and fails the command rather than lose the value.
 */
abstract class RowWriter {
  private final List<String> declared;
  private final boolean selected;
  private @Nullable List<String> columns;
  private @Nullable String rowLabelField;

  /**
   * @param declared the columns known before any row: the spec's fields, or the selected ones
   * @param selected whether {@code declared} is a selection ({@code --fields}), which leaves out
   *     undeclared fields
   */
  RowWriter(List<String> declared, boolean selected) {
    this.declared = List.copyOf(declared);
    this.selected = selected;
  }

  static RowWriter of(
      OutputFormat format,
      Writer out,
      List<String> declared,
      boolean selected,
      @Nullable String dateField) {
    RowWriter writer =
        switch (format) {
          case csv -> new Csv(out, declared, selected);
          case ndjson -> new Ndjson(out, declared, selected);
          case json -> new Json(out, declared, selected);
          case table -> new Table(out, declared, selected);
        };
    writer.rowLabelField = dateField;
    return writer;
  }

  final void write(ObjectNode row) throws IOException {
    if (columns == null) {
      List<String> all = new ArrayList<>(declared);
      if (!selected) {
        Set<String> extra = new TreeSet<>();
        row.fieldNames().forEachRemaining(extra::add);
        extra.removeAll(declared);
        all.addAll(extra);
      }
      columns = List.copyOf(all);
      begin(columns);
    }
    if (!selected && !fixedColumns()) {
      row(row, columns, undeclared(row, columns));
      return;
    }
    if (!selected) {
      List<String> unknown = undeclared(row, columns);
      if (!unknown.isEmpty()) {
        throw new CliException(
            ExitCode.BAD_RESPONSE,
            "the row "
                + (rowLabelField != null ? "of " + Rows.text(row.get(rowLabelField)) + " " : "")
                + "has the field(s) "
                + String.join(", ", unknown)
                + " that the first row lacked; a "
                + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " cannot add a column midway: use --format ndjson or json to keep every field");
      }
    }
    row(row, columns, List.of());
  }

  /** Ends the output; with no row at all, a CSV still gets its header and JSON an empty array. */
  final void finish() throws IOException {
    if (columns == null) {
      columns = List.copyOf(declared);
      begin(columns);
    }
    end();
  }

  private static List<String> undeclared(ObjectNode row, List<String> columns) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = row.fieldNames();
    while (it.hasNext()) {
      String name = it.next();
      if (!columns.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether every row must have the same columns (CSV, table). */
  abstract boolean fixedColumns();

  abstract void begin(List<String> columns) throws IOException;

  abstract void row(ObjectNode row, List<String> columns, List<String> extra) throws IOException;

  abstract void end() throws IOException;

  private static final class Csv extends RowWriter {
    private final Writer out;

    Csv(Writer out, List<String> declared, boolean selected) {
      super(declared, selected);
      this.out = out;
    }

    @Override
    boolean fixedColumns() {
      return true;
    }

    @Override
    void begin(List<String> columns) throws IOException {
      line(columns);
    }

    @Override
    void row(ObjectNode row, List<String> columns, List<String> extra) throws IOException {
      List<String> cells = new ArrayList<>(columns.size());
      for (String c : columns) {
        cells.add(Rows.text(row.get(c)));
      }
      line(cells);
    }

    private void line(List<String> cells) throws IOException {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quote(cells.get(i)));
      }
      out.write("\r\n");
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String cell) {
      if (cell.indexOf(',') < 0
          && cell.indexOf('"') < 0
          && cell.indexOf('\n') < 0
          && cell.indexOf('\r') < 0) {
        return cell;
      }
      return '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    void end() throws IOException {
      out.flush();
    }
  }

  private static class Ndjson extends RowWriter {
    final Writer out;

    Ndjson(Writer out, List<String> declared, boolean selected) {
      super(declared, selected);
      this.out = out;
    }

    @Override
    boolean fixedColumns() {
      return false;
    }

    @Override
    void begin(List<String> columns) throws IOException {}

    @Override
    void row(ObjectNode row, List<String> columns, List<String> extra) throws IOException {
      object(row, columns, extra);
      out.write('\n');
    }

    /** The row as one JSON object: every column (null when absent), then its own extra fields. */
    final void object(ObjectNode row, List<String> columns, List<String> extra) throws IOException {
      try (JsonGenerator g = Rows.generator(out)) {
        g.writeStartObject();
        Set<String> names = new LinkedHashSet<>(columns);
        names.addAll(extra);
        for (String name : names) {
          JsonNode value = row.get(name);
          g.writeFieldName(name);
          if (value == null) {
            g.writeNull();
          } else {
            Rows.MAPPER.writeTree(g, value);
          }
        }
        g.writeEndObject();
      }
    }

    @Override
    void end() throws IOException {
      out.flush();
    }
  }

  private static final class Json extends Ndjson {
    private boolean first = true;

    Json(Writer out, List<String> declared, boolean selected) {
      super(out, declared, selected);
    }

    @Override
    void begin(List<String> columns) throws IOException {
      out.write("[");
    }

    @Override
    void row(ObjectNode row, List<String> columns, List<String> extra) throws IOException {
      out.write(first ? "\n  " : ",\n  ");
      first = false;
      object(row, columns, extra);
    }

    @Override
    void end() throws IOException {
      out.write(first ? "]\n" : "\n]\n");
      out.flush();
    }
  }

  /** Aligned columns; the rows are held until the end to size the columns. */
  private static final class Table extends RowWriter {
    private final Writer out;
    private final List<List<String>> cells = new ArrayList<>();
    private final List<Boolean> numeric = new ArrayList<>();

    Table(Writer out, List<String> declared, boolean selected) {
      super(declared, selected);
      this.out = out;
    }

    @Override
    boolean fixedColumns() {
      return true;
    }

    @Override
    void begin(List<String> columns) {
      cells.add(List.copyOf(columns));
      for (int i = 0; i < columns.size(); i++) {
        numeric.add(Boolean.TRUE);
      }
    }

    @Override
    void row(ObjectNode row, List<String> columns, List<String> extra) {
      List<String> line = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        JsonNode value = row.get(columns.get(i));
        line.add(Rows.text(value));
        if (value != null && !value.isNull() && !value.isNumber()) {
          numeric.set(i, Boolean.FALSE);
        }
      }
      cells.add(line);
    }

    @Override
    void end() throws IOException {
      int n = cells.get(0).size();
      int[] width = new int[n];
      for (List<String> line : cells) {
        for (int i = 0; i < n; i++) {
          width[i] = Math.max(width[i], line.get(i).length());
        }
      }
      for (List<String> line : cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append("  ");
          }
          String cell = line.get(i);
          String pad = " ".repeat(width[i] - cell.length());
          sb.append(numeric.get(i) ? pad + cell : i == n - 1 ? cell : cell + pad);
        }
        out.write(sb.toString().stripTrailing());
        out.write('\n');
      }
      out.flush();
    }
  }
}
