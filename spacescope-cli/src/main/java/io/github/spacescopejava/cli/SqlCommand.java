package io.github.spacescopejava.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.sync.LocalQuery;
import io.github.spacescopejava.sync.SyncException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope sql --db FILE "SELECT ..."}: a query on the local copy, in fetch's formats. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Runs a query on a synced database (read-only) and prints its result as fetch does: exact"
          + " values, in table, csv, json or ndjson.",
      "",
      "  spacescope sql --db spacescope.duckdb --format csv \\",
      "      \"SELECT stat_date, total_qa_bytes_power FROM power.network_storage_capacity\"",
      ""
    })
final class SqlCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--db", paramLabel = "FILE", required = true, description = "The DuckDB file.")
  Path db = Path.of("spacescope.duckdb");

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table, csv, json or ndjson. Default: ${DEFAULT-VALUE}.",
      defaultValue = "table")
  OutputFormat format = OutputFormat.table;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query (DuckDB's dialect).")
  String query = "";

  SqlCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(db)) {
      throw new CliException(ExitCode.BAD_INPUT, "--db: " + db + " does not exist; run sync first");
    }
    Writer out = new BufferedWriter(new OutputStreamWriter(cli.out, StandardCharsets.UTF_8));
    RowWriter[] writer = new RowWriter[1];
    String[][] names = new String[1][];
    try {
      LocalQuery.run(
          db,
          query,
          new LocalQuery.Rows() {
            @Override
            public void columns(List<String> columns) {
              names[0] = columns.toArray(String[]::new);
              writer[0] = RowWriter.of(format, out, columns, true, null);
            }

            @Override
            public void row(List<@Nullable Object> values) {
              ObjectNode row = JsonNodeFactory.instance.objectNode();
              for (int i = 0; i < values.size(); i++) {
                set(row, names[0][i], values.get(i));
              }
              try {
                writer[0].write(row);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
    } catch (SyncException e) {
      throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (writer[0] != null) {
      writer[0].finish();
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** A value as the JSON fetch would print: numbers exact, days ISO, hours in UTC with Z. */
  private static void set(ObjectNode row, String name, @Nullable Object value) {
    if (value == null) {
      row.putNull(name);
    } else if (value instanceof BigInteger i) {
      row.put(name, i);
    } else if (value instanceof BigDecimal d) {
      row.put(name, d);
    } else if (value instanceof Long l) {
      row.put(name, l);
    } else if (value instanceof Integer i) {
      row.put(name, i);
    } else if (value instanceof Number n) {
      row.put(name, new BigDecimal(n.toString()));
    } else if (value instanceof Boolean b) {
      row.put(name, b);
    } else if (value instanceof LocalDateTime t) {
      row.put(name, t.atOffset(ZoneOffset.UTC).toString());
    } else {
      row.put(name, value.toString());
    }
  }
}
