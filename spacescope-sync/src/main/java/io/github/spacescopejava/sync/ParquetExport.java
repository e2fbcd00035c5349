package io.github.spacescopejava.sync;

import static io.github.spacescopejava.sync.internal.TableLayout.quote;

import io.github.spacescopejava.sync.internal.Catalog;
import io.github.spacescopejava.sync.internal.OperationSpec;
import io.github.spacescopejava.sync.internal.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes synced tables as Parquet, for Spark, Trino, pandas or DuckDB: one directory per table
 * ({@code DIR/power/network_storage_capacity/}), Hive-style partitions by year of the row's day
 * ({@code year=2024/}), decimals exact ({@code DECIMAL(38,s)}), HUGEINT columns as {@code
 * DECIMAL(38,0)} (Parquet has no 128-bit integer, and DuckDB would otherwise write a {@code
 * DOUBLE}; a value beyond 38 digits fails the export instead), the {@code _extra} column as JSON
 * text (D53).
 */
public final class ParquetExport {
  private ParquetExport() {}

  /**
   * One table written.
   *
   * @param table the table, such as {@code power.network_storage_capacity}
   * @param rows its rows
   * @param directory where its files are
   */
  public record ExportedTable(String table, long rows, Path directory) {}

  /**
   * Exports the tables of {@code operations} (every synced table when empty) from {@code database}
   * into {@code directory}. Each table's directory is written beside its target and moved into
   * place when complete, replacing an earlier export of that table.
   *
   * @throws SyncException {@link SyncException.Kind#DATABASE} when the database cannot be read or
   *     the files written
   */
  public static List<ExportedTable> export(Path database, Path directory, List<String> operations) {
    Catalog catalog = Catalog.bundled();
    List<ExportedTable> exported = new ArrayList<>();
    try (Store store = Store.open(database.toString(), true)) {
      List<OperationSpec> ops = new ArrayList<>();
      if (operations.isEmpty()) {
        for (String name : store.state().keySet().stream().sorted().toList()) {
          catalog.find(name).ifPresent(ops::add);
        }
      } else {
        for (String name : operations) {
          ops.add(
              catalog
                  .find(name)
                  .orElseThrow(
                      () -> new IllegalArgumentException("unknown operation '" + name + "'")));
        }
      }
      Files.createDirectories(directory);
      for (OperationSpec op : ops) {
        exported.add(exportTable(store, op, directory));
      }
    } catch (SQLException e) {
      throw new SyncException(
          SyncException.Kind.DATABASE,
          "cannot export " + database + ": " + e.getMessage(),
          null,
          e);
    } catch (IOException e) {
      throw new SyncException(
          SyncException.Kind.DATABASE,
          "cannot write " + directory + ": " + e.getMessage(),
          null,
          e);
    }
    return exported;
  }

  private static ExportedTable exportTable(Store store, OperationSpec op, Path directory)
      throws SQLException, IOException {
    String table = quote(op.schema()) + "." + quote(op.table());
    List<String> select = new ArrayList<>();
    try (PreparedStatement p =
        store
            .connection()
            .prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, op.schema());
      p.setString(2, op.table());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String column = quote(r.getString(1));
          select.add(
              "HUGEINT".equals(r.getString(2))
                  ? "CAST(" + column + " AS DECIMAL(38,0)) AS " + column
                  : column);
        }
      }
    }
    if (select.isEmpty()) {
      throw new IllegalArgumentException(op.name() + " has not been synced into this database");
    }
    String date = op.rowDateField();
    boolean partitioned = date != null && op.field(date).isPresent();
    String query =
        "SELECT "
            + String.join(", ", select)
            + (partitioned ? ", year(" + quote(date) + ") AS \"year\"" : "")
            + " FROM "
            + table
            + (partitioned ? " ORDER BY " + quote(date) : "");
    Path target = directory.resolve(op.schema()).resolve(op.table());
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempDirectory(target.getParent(), "." + op.table() + ".partial");
    long rows;
    try (Statement s = store.connection().createStatement()) {
      String to = partial.toString().replace("'", "''");
      if (partitioned) {
        s.execute(
            "COPY ("
                + query
                + ") TO '"
                + to
                + "' (FORMAT parquet, PARTITION_BY (\"year\"), OVERWRITE_OR_IGNORE)");
      } else {
        s.execute("COPY (" + query + ") TO '" + to + "/data.parquet' (FORMAT parquet)");
      }
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
        r.next();
        rows = r.getLong(1);
      }
      deleteTree(target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (SQLException | IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
    return new ExportedTable(op.schema() + "." + op.table(), rows, target);
  }

  private static void deleteTree(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
