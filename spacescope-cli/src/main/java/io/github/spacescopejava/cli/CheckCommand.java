package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spacescope check}: calls every operation once and reports what the answers have that the
 * spec lacks. The answers are read raw, not through the client: the client's models would absorb an
 * undeclared field silently and coerce nothing, but they cannot say what the wire had.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Calls every operation of the spec once, for one recent published day, and reports per"
          + " operation what the answer has that the spec lacks: envelope or row fields, values of"
          + " another type or format, undocumented codes. Exit code 1 when anything differs: the"
          + " spec needs an edit and the clients a regeneration.",
      ""
    })
final class CheckCommand implements java.util.concurrent.Callable<Integer> {
  private static final int ATTEMPTS = 3;

  private final Cli cli;

  @Parameters(
      arity = "0..*",
      paramLabel = "ENDPOINT",
      description = "Only these endpoints. Default: every operation of the spec.")
  List<String> endpoints = new ArrayList<>();

  @Option(
      names = "--day",
      paramLabel = "DAY",
      description = "The day to ask for. Default: the day before the latest published day.")
  @Nullable String day;

  @Option(names = "--json", description = "Write JSON for machines.")
  boolean json;

  CheckCommand(Cli cli) {
    this.cli = cli;
  }

  /** The outcome for one operation. */
  record Outcome(
      Operation operation,
      String status,
      int rows,
      List<Drift.Finding> findings,
      @Nullable ExitCode failure,
      @Nullable String error) {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Operation> operations =
        endpoints.isEmpty()
            ? cli.catalog().operations()
            : endpoints.stream().map(cli.names()::resolve).distinct().toList();
    LocalDate latest = DateRange.latestAvailableDay(Connection.CLOCK);
    LocalDate asked = day == null ? latest.minusDays(1) : parseDay(day, latest);
    try (Connection connection = cli.connect()) {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .version(HttpClient.Version.HTTP_1_1)
              .build();
      List<Outcome> outcomes = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Operation op : operations) {
          futures.add(pool.submit(() -> check(http, connection, op, asked)));
        }
        for (Future<Outcome> f : futures) {
          outcomes.add(f.get());
        }
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
      for (Outcome o : outcomes) {
        // A refused token or an exhausted quota fails every operation alike: say it once.
        if (o.failure() == ExitCode.TOKEN_REFUSED || o.failure() == ExitCode.LIMIT) {
          throw new CliException(o.failure(), o.error() + " (" + o.operation().name() + ")");
        }
      }
      report(outcomes, asked, connection);
      if (outcomes.stream().anyMatch(o -> !o.findings().isEmpty())) {
        return ExitCode.DRIFT.code();
      }
      return outcomes.stream()
          .filter(o -> o.failure() != null)
          .map(o -> o.failure().code())
          .findFirst()
          .orElse(ExitCode.OK.code());
    }
  }

  private static LocalDate parseDay(String text, LocalDate latest) {
    LocalDate d;
    try {
      d = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          "--day '" + text + "' is not a date: use YYYY-MM-DD, such as 2024-01-01");
    }
    if (d.isAfter(latest)) {
      throw new CliException(
          ExitCode.NOT_READY,
          "the data of "
              + d
              + " is not published yet: it should be ready at "
              + Publication.readyAt(d)
              + "; the latest published day is "
              + latest);
    }
    return d;
  }

  private Outcome check(HttpClient http, Connection connection, Operation op, LocalDate day)
      throws InterruptedException {
    URI uri = URI.create(connection.baseUrl() + op.path() + "?" + query(op, day));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + connection.token())
            .header("Accept", "application/json")
            .GET()
            .build();
    String lastError = "";
    ExitCode lastKind = ExitCode.NETWORK;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        Thread.sleep(1000L * (attempt - 1));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        lastError = "no answer: " + e;
        lastKind = ExitCode.NETWORK;
        continue;
      }
      Drift.Result result = Drift.compare(cli.catalog(), op, response.body());
      int status = response.statusCode();
      if (status == 401) {
        return failed(
            op,
            result,
            ExitCode.TOKEN_REFUSED,
            "the API refused the token (HTTP 401, code "
                + result.code()
                + "); set SPACESCOPE_API_TOKEN to a valid token or pass --token");
      }
      if (result.notAnEnvelope() != null) {
        lastError = "HTTP " + status + ", " + result.notAnEnvelope();
        lastKind = status >= 500 || status == 429 ? ExitCode.SERVER_ERROR : ExitCode.BAD_RESPONSE;
        if (status >= 500 || status == 429) {
          continue;
        }
        return failed(op, result, lastKind, lastError);
      }
      Integer code = result.code();
      if (code == null || code == 0 || !result.findings().isEmpty()) {
        return new Outcome(
            op,
            result.findings().isEmpty() ? "ok" : "drift",
            result.rows(),
            result.findings(),
            null,
            null);
      }
      switch (code) {
        case 30001:
          return failed(
              op,
              result,
              ExitCode.LIMIT,
              "the API's limit is reached (code 30001); wait for the quota to reset");
        case 30004:
          return failed(
              op,
              result,
              ExitCode.NOT_READY,
              "not published yet (code 30004); try an earlier --day");
        case 30002:
          return failed(
              op, result, ExitCode.REQUEST_REFUSED, "the API refused the parameters (code 30002)");
        default:
          lastError = "code " + code;
          lastKind = ExitCode.SERVER_ERROR;
      }
    }
    return new Outcome(
        op, "failed", 0, List.of(), lastKind, lastError + " (after " + ATTEMPTS + " attempts)");
  }

  private static Outcome failed(Operation op, Drift.Result result, ExitCode kind, String error) {
    return new Outcome(
        op,
        result.findings().isEmpty() ? "failed" : "drift",
        result.rows(),
        result.findings(),
        kind,
        error);
  }

  /** One request's parameters, from the parameters' roles in the spec; examples where needed. */
  static String query(Operation op, LocalDate day) {
    Map<String, String> query = new LinkedHashMap<>();
    boolean filtered = false;
    for (Operation.Parameter p : op.parameters()) {
      String value =
          switch (p.role()) {
            case "date-range-start", "date-range-end", "state-date" -> day.toString();
            case "hour-range-start" -> HourRange.rfc3339(HourRange.day(day).start());
            case "hour-range-end" -> HourRange.rfc3339(HourRange.day(day).end());
            // One provider keeps the answer small; the spec's example is a real one.
            case "miner-id" -> p.example();
            case "search-filter" -> filtered ? null : p.example();
            default -> p.required() ? p.example() : null;
          };
      if (value != null) {
        filtered |= p.role().equals("search-filter");
        query.put(p.name(), value);
      }
    }
    return query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private void report(List<Outcome> outcomes, LocalDate day, Connection connection)
      throws IOException {
    Writer out = new OutputStreamWriter(cli.out, StandardCharsets.UTF_8);
    long drifted = outcomes.stream().filter(o -> !o.findings().isEmpty()).count();
    long failed = outcomes.stream().filter(o -> o.failure() != null).count();
    if (json) {
      try (JsonGenerator g = Rows.generator(out)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("day", day.toString());
        g.writeStringField("baseUrl", connection.baseUrl());
        g.writeArrayFieldStart("operations");
        for (Outcome o : outcomes) {
          g.writeStartObject();
          g.writeStringField("name", o.operation().name());
          g.writeStringField("path", o.operation().path());
          g.writeStringField("status", o.status());
          g.writeNumberField("rows", o.rows());
          g.writeArrayFieldStart("findings");
          for (Drift.Finding f : o.findings()) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind());
            g.writeStringField("name", f.name());
            g.writeStringField("detail", f.detail());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeStringField("error", o.error());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      out.write("\n");
    } else {
      int width = outcomes.stream().mapToInt(o -> o.operation().name().length()).max().orElse(0);
      for (Outcome o : outcomes) {
        String name = o.operation().name();
        String pad = " ".repeat(width - name.length() + 2);
        String note =
            switch (o.status()) {
              case "ok" -> "ok (" + o.rows() + (o.rows() == 1 ? " row)" : " rows)");
              case "drift" -> "DRIFT";
              default -> "FAILED: " + o.error();
            };
        out.write(name + pad + note + "\n");
        for (Drift.Finding f : o.findings()) {
          out.write("    " + f.detail() + "\n");
        }
        if (o.status().equals("drift") && o.error() != null) {
          out.write("    and then: " + o.error() + "\n");
        }
      }
      out.write(
          outcomes.size()
              + " operations checked for "
              + day
              + ": "
              + outcomes.stream().filter(o -> o.status().equals("ok")).count()
              + " as the spec says, "
              + drifted
              + " with drift, "
              + failed
              + " failed\n");
    }
    out.flush();
  }
}
