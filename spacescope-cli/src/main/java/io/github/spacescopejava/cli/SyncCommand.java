package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.Operation.Shape;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.sync.SpaceScopeSync;
import io.github.spacescopejava.sync.SyncException;
import io.github.spacescopejava.sync.SyncListener;
import io.github.spacescopejava.sync.SyncSummary;
import io.github.spacescopejava.sync.SyncSummary.OperationSummary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope sync --db FILE [OPERATION...]}: a local copy in DuckDB, brought up to date. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Brings a local DuckDB copy up to date: one table per operation (schema from the group,"
          + " table from the path, types exact), fetched from the last day committed (less the"
          + " lookback) to the latest published day. Each window is committed with its state: a"
          + " run stopped at any moment goes on from there the next time.",
      "",
      "  spacescope sync --db spacescope.duckdb --from 2024-01-01 power/network_storage_capacity",
      "  spacescope sync --db spacescope.duckdb --json",
      "  spacescope sync --db spacescope.duckdb deals/deal_snapshot --filter provider_id=f01675012",
      ""
    })
final class SyncCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--db", paramLabel = "FILE", required = true, description = "The DuckDB file.")
  Path db = Path.of("spacescope.duckdb");

  @Option(
      names = "--from",
      paramLabel = "DAY",
      description =
          "The first day of an operation's first run (YYYY-MM-DD, UTC). Default: mainnet's first"
              + " day, 2020-08-24. Later runs go on from the state.")
  @Nullable String from;

  @Option(
      names = "--to",
      paramLabel = "DAY",
      description = "The last day (UTC). Default and at most: the latest published day.")
  @Nullable String to;

  @Option(
      names = "--lookback-days",
      paramLabel = "N",
      description = "Committed days fetched again on each run, for late revisions. Default: 3.")
  int lookbackDays = SpaceScopeSync.DEFAULT_LOOKBACK_DAYS;

  @Option(
      names = "--json",
      description =
          "Print one summary object on stdout: operations, requests, rows_written, synced_through.")
  boolean json;

  @Option(
      names = "--filter",
      paramLabel = "NAME=VALUE",
      description =
          "A filter of the deal search (deals/deal_snapshot), as for fetch, such as"
              + " provider_id=f01675012: each run keeps that search's snapshot, keyed by deal_id.")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Rows per page of the deal search (1 to 1000). Default: 100.")
  @Nullable Integer pageSize;

  @Parameters(
      paramLabel = "OPERATION",
      arity = "0..*",
      description =
          "The operations, as for fetch. Default: every non-deprecated day-range operation."
              + " Per-provider operations (one request per day) are synced only when named.")
  List<String> operations = new ArrayList<>();

  SyncCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  @SuppressWarnings("try") // progress is closed early, before the summary, and again by try
  public Integer call() throws IOException {
    List<String> names = new ArrayList<>();
    @Nullable DealSearch search = null;
    for (String name : operations) {
      Operation op = cli.names().resolve(name);
      names.add(op.name());
      if (op.shape() == Shape.PAGED_SEARCH) {
        // The same checks and wording as fetch's --filter.
        search =
            FetchRequest.of(op, null, null, null, filters, pageSize, Connection.CLOCK).search();
      }
    }
    if (search == null && (!filters.isEmpty() || pageSize != null)) {
      throw new CliException(
          ExitCode.USAGE,
          "--filter and --page-size are for the deal search: name deals/deal_snapshot");
    }
    LocalDate first = day("--from", from);
    LocalDate last = day("--to", to);
    if (lookbackDays < 0) {
      throw new CliException(
          ExitCode.BAD_INPUT, "--lookback-days: " + lookbackDays + " is below 0");
    }
    if (first != null && last != null && first.isAfter(last)) {
      throw new CliException(ExitCode.BAD_INPUT, "--from " + first + " is after --to " + last);
    }
    try (Connection connection = cli.connect();
        Progress progress = new Progress()) {
      SpaceScopeSync sync;
      try {
        sync =
            SpaceScopeSync.builder()
                .client(connection.client())
                .database(db)
                .clock(Connection.CLOCK)
                .from(first)
                .to(last)
                .lookbackDays(lookbackDays)
                .listener(progress)
                .dealSearch(search)
                .build();
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.BAD_INPUT, e.getMessage(), e);
      }
      SyncSummary summary;
      try {
        summary = sync.sync(names);
      } catch (SyncException e) {
        throw failure(e);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCode.UNKNOWN_NAME, e.getMessage(), e);
      }
      progress.close(); // the bar ends before the summary is printed; closing it again is a no-op
      print(summary);
    }
    return ExitCode.OK.code();
  }

  private void print(SyncSummary summary) throws IOException {
    if (json) {
      Writer out = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
      try (JsonGenerator g = Rows.generator(out)) {
        g.writeStartObject();
        g.writeNumberField("operations", summary.operations().size());
        g.writeNumberField("requests", summary.requests());
        g.writeNumberField("rows_written", summary.rowsWritten());
        g.writeObjectFieldStart("synced_through");
        for (OperationSummary o : summary.operations()) {
          if (o.syncedThrough() == null) {
            g.writeNullField(o.operation());
          } else {
            g.writeStringField(o.operation(), o.syncedThrough().toString());
          }
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      out.write(System.lineSeparator());
      out.flush();
      return;
    }
    for (OperationSummary o : summary.operations()) {
      cli.out.println(
          o.table()
              + ": "
              + o.rowsWritten()
              + " rows written, "
              + o.requests()
              + (o.requests() == 1 ? " request" : " requests")
              + ", synced through "
              + (o.syncedThrough() == null ? "nothing yet" : o.syncedThrough()));
    }
  }

  /** The sync's failure as the command's one line and exit code. */
  static CliException failure(SyncException e) {
    return switch (e.kind()) {
      case LOCKED -> new CliException(ExitCode.LOCKED, e.getMessage(), e);
      case DATABASE -> new CliException(ExitCode.OUTPUT, e.getMessage(), e);
      case ROW -> new CliException(ExitCode.BAD_RESPONSE, e.getMessage(), e);
      case API -> {
        ExitCode code =
            e.getCause() instanceof SpaceScopeException api
                ? Failures.of(api).exitCode()
                : ExitCode.INTERNAL;
        yield new CliException(code, e.getMessage(), e);
      }
    };
  }

  private static @Nullable LocalDate day(String option, @Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return DateRange.day(LocalDate.parse(text)).start();
    } catch (java.time.format.DateTimeParseException | InvalidInputException e) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          option + ": " + text + " is not accepted; accepted: a day YYYY-MM-DD from 2020-08-24");
    }
  }

  /** Shows the request count of per-provider operations before they start, and a progress bar. */
  private final class Progress implements SyncListener, AutoCloseable {
    private io.github.spacescopejava.cli.Progress bar = io.github.spacescopejava.cli.Progress.off();
    private long windows;

    @Override
    public void planned(String operation, int requests) {
      bar.close();
      if (isPerProvider(operation)) {
        cli.err.println(
            "spacescope: "
                + operation
                + ": "
                + requests
                + " requests (one per day, every storage provider)");
      }
      windows = 0;
      bar = cli.progress("sync " + operation, requests);
    }

    @Override
    public void committed(String operation, LocalDate syncedThrough, long rows) {
      windows++;
      bar.window(windows, rows);
    }

    private boolean isPerProvider(String operation) {
      Operation op = cli.names().resolve(operation);
      return op.perStorageProvider() && op.shape() == Shape.STATE_DAY;
    }

    @Override
    public void close() {
      bar.close();
    }
  }
}
