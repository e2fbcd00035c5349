package io.github.spacescopejava.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.Operation.Shape;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacescope plot ENDPOINT --field F --from DAY --to DAY -o chart.png}. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Draws a PNG line chart of one or more numeric fields over time, with a title, axis labels"
          + " and human units (EiB/PiB for bytes, FIL for attoFIL amounts; see --unit).",
      "",
      "  spacescope plot power/network_storage_capacity \\",
      "      --field total_qa_bytes_power --field baseline_power \\",
      "      --from 2024-01-01 --to 2024-12-31 -o power.png",
      ""
    })
final class PlotCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The endpoint, as for fetch.")
  String endpoint = "";

  @Option(
      names = "--field",
      required = true,
      paramLabel = "FIELD",
      description = "A numeric field to draw; repeat for more lines (same unit).")
  List<String> fields = new ArrayList<>();

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DAY",
      description = "The first day (UTC).")
  String from = "";

  @Option(names = "--to", required = true, paramLabel = "DAY", description = "The last day (UTC).")
  String to = "";

  @Option(
      names = "--provider",
      paramLabel = "ID",
      description = "The storage provider, required for per-provider endpoints.")
  @Nullable String provider;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The PNG file to write.")
  Path output = Path.of("chart.png");

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      defaultValue = "auto",
      description =
          "auto (from the field's name and the spec), bytes, fil, attofil or number. Default:"
              + " ${DEFAULT-VALUE}.")
  String unit = "auto";

  @Option(names = "--title", paramLabel = "TEXT", description = "The chart's title.")
  @Nullable String title;

  @Option(
      names = "--width",
      paramLabel = "PX",
      defaultValue = "1200",
      description = "Default: ${DEFAULT-VALUE}.")
  int width = 1200;

  @Option(
      names = "--height",
      paramLabel = "PX",
      defaultValue = "675",
      description = "Default: ${DEFAULT-VALUE}.")
  int height = 675;

  PlotCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  @SuppressWarnings("try") // listening is only closed: it hands the client's events to the bar
  public Integer call() throws IOException {
    System.setProperty("java.awt.headless", "true");
    Operation op = cli.names().resolve(endpoint);
    if (op.shape() == Shape.PAGED_SEARCH || op.rowDateField() == null) {
      throw new CliException(ExitCode.USAGE, op.name() + " has no dated rows to plot; use fetch");
    }
    if (op.perStorageProvider() && provider == null) {
      throw new CliException(
          ExitCode.USAGE,
          op.name()
              + " has one row per provider and day: give --provider f0... to plot one provider");
    }
    if (width < 200 || width > 8000 || height < 150 || height > 8000) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          "--width " + width + " --height " + height + ": accepted 200..8000 by 150..8000 pixels");
    }
    OutputFile.checkTarget(output);
    Set<String> names = new LinkedHashSet<>();
    Units chosen = "auto".equalsIgnoreCase(unit) ? null : Units.parse(unit);
    Units common = null;
    for (String name : fields) {
      Field field =
          op.field(name.strip()).orElseThrow(() -> FetchCommand.unknownField(op, name.strip()));
      if (!field.numeric()) {
        throw new CliException(
            ExitCode.BAD_INPUT,
            "field "
                + field.name()
                + " is not numeric; numeric fields of "
                + op.name()
                + ": "
                + String.join(
                    ", ", op.fields().stream().filter(Field::numeric).map(Field::name).toList()));
      }
      Units u = chosen != null ? chosen : Units.of(field);
      if (common != null && common != u) {
        throw new CliException(
            ExitCode.BAD_INPUT,
            "the fields have different units ("
                + common.name().toLowerCase(java.util.Locale.ROOT)
                + " and "
                + u.name().toLowerCase(java.util.Locale.ROOT)
                + "); plot them separately, or force one with --unit");
      }
      common = u;
      names.add(field.name());
    }
    Units units = common == null ? Units.NUMBER : common;
    Map<String, NavigableMap<Instant, Double>> series = new LinkedHashMap<>();
    names.forEach(n -> series.put(n, new TreeMap<>()));
    String dateField = op.rowDateField();
    FetchRequest request =
        FetchRequest.of(op, from, to, provider, List.of(), null, Connection.CLOCK);
    try (Connection connection = cli.connect()) {
      try (Progress progress = cli.progress("fetching", request.windowEnds().size());
          Connection.Listening listening = connection.listen(progress)) {
        Fetcher.fetch(
            connection.client(), request, row -> collect(op, row, dateField, names, units, series));
      }
      write(op, request, units, series);
    }
    return ExitCode.OK.code();
  }

  private static void collect(
      Operation op,
      ObjectNode row,
      String dateField,
      Set<String> names,
      Units units,
      Map<String, NavigableMap<Instant, Double>> series) {
    Instant at =
        Rows.instant(row, dateField)
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCode.BAD_RESPONSE,
                        "a row of "
                            + op.name()
                            + " has no usable "
                            + dateField
                            + ": "
                            + row.get(dateField)));
    for (String name : names) {
      JsonNode value = row.get(name);
      if (value == null || value.isNull()) {
        continue; // a gap in the line, not a zero
      }
      BigDecimal number = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
      if (series.get(name).put(at, units.base(number)) != null) {
        throw new CliException(
            ExitCode.USAGE,
            op.name()
                + " has several rows for "
                + Rows.text(row.get(dateField))
                + " (a breakdown, not one value per day): a line chart cannot show it; use fetch");
      }
    }
  }

  private void write(
      Operation op,
      FetchRequest request,
      Units units,
      Map<String, NavigableMap<Instant, Double>> series)
      throws IOException {
    double max =
        series.values().stream()
            .flatMap(m -> m.values().stream())
            .mapToDouble(Math::abs)
            .max()
            .orElse(0);
    Units.Scale scale = units.scale(max);
    Map<String, NavigableMap<Instant, Double>> scaled = new LinkedHashMap<>();
    series.forEach(
        (name, points) -> {
          NavigableMap<Instant, Double> s = new TreeMap<>();
          points.forEach((t, v) -> s.put(t, v / scale.divisor()));
          scaled.put(name, s);
        });
    String what =
        series.size() == 1
            ? series.keySet().iterator().next()
            : switch (units) {
              case BYTES -> "bytes";
              case FIL, ATTO_FIL -> "amount";
              case NUMBER -> "value";
            };
    String yLabel = scale.label().isEmpty() ? what : what + " (" + scale.label() + ")";
    String chartTitle = title != null ? title : op.summary();
    String subtitle =
        op.name()
            + (request.provider() != null ? ", provider " + request.provider() : "")
            + ", "
            + request.period()
            + (cli.global.fake ? " (synthetic data from the built-in fake)" : "");
    String xLabel = op.shape() == Shape.HOURLY_RANGE ? "Hour (UTC)" : "Day (UTC)";
    OutputFile.write(
        output, out -> Chart.png(out, chartTitle, subtitle, xLabel, yLabel, scaled, width, height));
    long points = series.values().stream().mapToLong(Map::size).sum();
    if (!cli.global.quiet) {
      cli.err.println("spacescope: wrote " + output + " (" + points + " points)");
    }
  }
}
