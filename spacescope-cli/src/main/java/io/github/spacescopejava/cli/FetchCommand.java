package io.github.spacescopejava.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope fetch ENDPOINT --from DAY --to DAY}: rows of any period, exact values. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Fetches the rows of a period through the client: split into the windows the API accepts,"
          + " fetched concurrently, retried, validated. One row per day (per hour for hourly"
          + " endpoints; per provider and day for per-provider endpoints), values exactly as the"
          + " API sent them (no rounding, no exponent), every field kept, those the spec does not"
          + " know yet after the others.",
      "",
      "  spacescope fetch power/network_storage_capacity \\",
      "      --from 2021-01-01 --to 2024-12-31 --format csv -o power.csv",
      "  spacescope fetch storage_provider/power \\",
      "      --from 2024-06-01 --to 2024-06-30 --provider f0110804",
      "  spacescope fetch deals/deal_snapshot --filter provider_id=f01675012 --format ndjson",
      ""
    })
final class FetchCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(
      index = "0",
      paramLabel = "ENDPOINT",
      description =
          "The endpoint: its path without the version (power/network_storage_capacity), or its"
              + " operation name (Power_networkStorageCapacity, power.networkStorageCapacity);"
              + " 'spacescope endpoints' lists them.")
  String endpoint = "";

  @Option(
      names = "--from",
      paramLabel = "DAY",
      description = "The first day, inclusive, YYYY-MM-DD (UTC).")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "DAY", description = "The last day, inclusive (UTC).")
  @Nullable String to;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      description =
          "One storage provider (f0...), for per-provider endpoints; without it, every provider.")
  @Nullable String provider;

  @Option(
      names = "--fields",
      split = ",",
      paramLabel = "FIELD",
      description =
          "Only these fields (comma-separated), after the row's day and provider. Default: all.")
  List<String> fields = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table, csv, json or ndjson. Default: ${DEFAULT-VALUE}.",
      defaultValue = "table")
  OutputFormat format = OutputFormat.table;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (complete or not at all) instead of stdout.")
  @Nullable Path output;

  @Option(
      names = "--filter",
      paramLabel = "NAME=VALUE",
      description = "A filter of a search endpoint (deals/deal_snapshot), such as deal_id=3408838.")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--page-size",
      paramLabel = "N",
      description = "Rows per page of a search endpoint (1 to 1000).")
  @Nullable Integer pageSize;

  FetchCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    Operation op = cli.names().resolve(endpoint);
    List<String> columns = columns(op, fields);
    // Every argument is checked before anything starts (the fake, a connection).
    FetchRequest request =
        FetchRequest.of(op, from, to, provider, filters, pageSize, Connection.CLOCK);
    if (output != null) {
      OutputFile.checkTarget(output);
    }
    try (Connection connection = cli.connect()) {
      if (output == null) {
        Writer out = new BufferedWriter(new OutputStreamWriter(cli.out, StandardCharsets.UTF_8));
        write(connection, request, columns, out);
        out.flush();
      } else {
        writeFile(connection, request, columns, output);
      }
    }
    return ExitCode.OK.code();
  }

  @SuppressWarnings("try") // listening is only closed: it hands the client's events to the bar
  private void write(Connection connection, FetchRequest request, List<String> columns, Writer out)
      throws IOException {
    Operation op = request.operation();
    RowWriter writer = RowWriter.of(format, out, columns, !fields.isEmpty(), op.rowDateField());
    try (Progress progress = cli.progress("fetching", request.windowEnds().size());
        Connection.Listening listening = connection.listen(progress)) {
      Fetcher.fetch(connection.client(), request, writer::write);
    }
    writer.finish();
  }

  /** Writes the file completely or not at all (see {@link OutputFile}). */
  private void writeFile(
      Connection connection, FetchRequest request, List<String> columns, Path file) {
    OutputFile.write(
        file,
        stream -> {
          Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
          write(connection, request, columns, out);
          out.flush();
        });
  }

  /**
   * The declared columns: every field of the spec, or the key fields (day, provider) and the ones
   * asked for.
   *
   * @throws CliException {@link ExitCode#UNKNOWN_NAME} for a field the operation does not have
   */
  static List<String> columns(Operation op, List<String> selected) {
    if (selected.isEmpty()) {
      return op.fields().stream().map(Field::name).toList();
    }
    Set<String> columns = new LinkedHashSet<>(op.keyFields());
    for (String name : selected) {
      String field = name.strip();
      if (op.field(field).isEmpty()) {
        throw unknownField(op, field);
      }
      columns.add(field);
    }
    return List.copyOf(columns);
  }

  static CliException unknownField(Operation op, String field) {
    List<String> close =
        op.fields().stream()
            .map(Field::name)
            .sorted(Comparator.comparingInt(f -> EndpointNames.distance(field, f)))
            .limit(3)
            .toList();
    return new CliException(
        ExitCode.UNKNOWN_NAME,
        op.name()
            + " has no field '"
            + field
            + "'; did you mean "
            + String.join(", ", close)
            + "? ('spacescope endpoints "
            + op.name()
            + "' lists its fields)");
  }
}
