package io.github.spacescopejava.cli;

import io.github.spacescopejava.sync.ParquetExport;
import io.github.spacescopejava.sync.ParquetExport.ExportedTable;
import io.github.spacescopejava.sync.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope export --db FILE --parquet DIR}: synced tables as Parquet. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Writes synced tables as Parquet for Spark, Trino, pandas or DuckDB: DIR/SCHEMA/TABLE/,"
          + " Hive-style partitions by year (year=2024/), decimals exact, 128-bit integers as"
          + " DECIMAL(38,0). Each table is written beside its target and moved into place.",
      "",
      "  spacescope export --db spacescope.duckdb --parquet export/",
      ""
    })
final class ExportCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--db", paramLabel = "FILE", required = true, description = "The DuckDB file.")
  Path db = Path.of("spacescope.duckdb");

  @Option(
      names = "--parquet",
      paramLabel = "DIR",
      required = true,
      description = "The directory to write into.")
  Path parquet = Path.of("export");

  @Parameters(
      paramLabel = "OPERATION",
      arity = "0..*",
      description = "The operations to export. Default: every synced one.")
  List<String> operations = new ArrayList<>();

  ExportCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    List<String> names = new ArrayList<>();
    for (String name : operations) {
      names.add(cli.names().resolve(name).name());
    }
    if (!Files.exists(db)) {
      throw new CliException(ExitCode.BAD_INPUT, "--db: " + db + " does not exist; run sync first");
    }
    List<ExportedTable> tables;
    try {
      tables = ParquetExport.export(db, parquet, names);
    } catch (SyncException e) {
      throw SyncCommand.failure(e);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.UNKNOWN_NAME, e.getMessage(), e);
    }
    for (ExportedTable t : tables) {
      cli.out.println(t.table() + ": " + t.rows() + " rows in " + t.directory());
    }
    return ExitCode.OK.code();
  }
}
