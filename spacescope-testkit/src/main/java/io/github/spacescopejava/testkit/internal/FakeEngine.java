package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.RecordedRequest;
import io.github.spacescopejava.testkit.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The fake SpaceScope without HTTP: a request in, a reply out. The order of checks:
 *
 * <ol>
 *   <li>the request is validated against the spec and recorded (with the validator's reasons);
 *   <li>a path or method that is not in the spec gets HTTP 404 (or 405) and code 30002;
 *   <li>a {@link Scenario} that selects the request answers with its {@link Fault};
 *   <li>the authorization header: HTTP 401 with 10011 (not {@code Bearer <token>}) or 10012
 *       (expired or unknown token);
 *   <li>a request that breaks the spec gets HTTP 200 and 30002 with the validator's reasons;
 *   <li>the API's rules: start after end, a window over {@code x-max-window-days}, a malformed
 *       value (30002); a day after the publication cut-off of the fake's clock (30004);
 *   <li>otherwise code 0 with synthetic rows.
 * </ol>
 */
public final class FakeEngine {
  /** RFC 7235: the scheme is case-insensitive (and Jetty may re-case it from its field cache). */
  private static final Pattern BEARER = Pattern.compile("(?i:Bearer) ([^\\s]+)");

  private static final int MAX_VERDICTS = 10_000;
  private static final Pattern PROVIDER_ID = Pattern.compile("f0[0-9]{1,19}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH':00:00Z'")
          .withResolverStyle(ResolverStyle.STRICT);

  /**
   * Role flags of the parameters that place a request in time or in pages, with their usual names.
   */
  private static final Map<String, String> SHAPE_ROLES =
      Map.of(
          "x-date-range-start",
          "start_date",
          "x-date-range-end",
          "end_date",
          "x-hour-range-start",
          "start_hour",
          "x-hour-range-end",
          "end_hour",
          "x-state-date",
          "state_date",
          "x-page",
          "page",
          "x-page-size",
          "page_size");

  private final ApiSpec spec;
  private final FakeSettings settings;
  private final FakeClock clock;
  private final ScenarioBook scenarios = new ScenarioBook();

  /** The validator's verdicts, by request: validation is the costliest step of an answer. */
  private final Map<String, List<String>> verdicts = new ConcurrentHashMap<>();

  private final RequestLog log;

  /** Recorded answers served before synthetic rows (D27), or null. */
  private volatile @Nullable Replay replay;

  public FakeEngine(ApiSpec spec, FakeSettings settings, FakeClock clock) {
    this.spec = spec;
    this.settings = settings;
    this.clock = clock;
    this.log = new RequestLog(settings.requestLogLimit());
  }

  public ApiSpec spec() {
    return spec;
  }

  public FakeClock clock() {
    return clock;
  }

  /** Adds a scenario after checking its operation and error code against the spec. */
  public void addScenario(Scenario scenario) {
    String operationId = null;
    if (scenario.operation() != null) {
      OperationSpec op = spec.find(scenario.operation());
      if (op == null) {
        throw new IllegalArgumentException(
            "'"
                + scenario.operation()
                + "' is not an operation of the spec: give a path such as"
                + " /v2/power/network_storage_capacity or an operationId such as"
                + " Power_networkStorageCapacity");
      }
      operationId = op.operationId();
    }
    Fault fault = scenario.fault();
    if (fault.kind() == Fault.Kind.ERROR_CODE && !spec.resultCodes().containsKey(fault.code())) {
      throw new IllegalArgumentException(
          fault.code()
              + " is not a result code documented in the spec "
              + spec.resultCodes().keySet());
    }
    scenarios.add(scenario, operationId);
  }

  /** Serves recorded answers first from now on; null stops replaying. */
  public void replay(@Nullable Replay recordings) {
    this.replay = recordings;
  }

  public void clearScenarios() {
    scenarios.clear();
  }

  public List<RecordedRequest> requests() {
    return log.all();
  }

  public List<RecordedRequest> invalidRequests() {
    return log.invalid();
  }

  public void clearRequests() {
    log.clear();
  }

  /** Answers one request and records it. */
  public Reply handle(IncomingRequest request) {
    OperationSpec op = "GET".equals(request.method()) ? spec.byPath(request.path()) : null;
    List<String> violations = validate(request);
    if (op == null && violations.isEmpty()) {
      violations =
          List.of(request.method() + " " + request.path() + " is not an operation of the spec");
    }
    Reply reply = op == null ? notInSpec(request, violations) : answer(op, request, violations);
    log.add(
        new RecordedRequest(
            request.method(),
            request.path(),
            request.query(),
            op == null ? null : op.operationId(),
            reply.connectionReset() ? 0 : reply.status(),
            reply.code(),
            violations));
    return reply;
  }

  private List<String> validate(IncomingRequest r) {
    String key = r.method() + " " + r.path() + " " + r.query() + " " + r.accept();
    List<String> verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = spec.validate(r.method(), r.path(), r.query(), r.accept());
      if (verdicts.size() >= MAX_VERDICTS) {
        verdicts.clear(); // a crude bound; a fake sees few distinct requests
      }
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private Reply notInSpec(IncomingRequest request, List<String> violations) {
    boolean knownPath = spec.byPath(request.path()) != null;
    return error(
        knownPath ? 405 : 404,
        requestId(request),
        30002,
        "request does not match the spec: " + String.join("; ", violations));
  }

  private Reply answer(OperationSpec op, IncomingRequest request, List<String> violations) {
    ScenarioBook.Decision decision = scenarios.consult(op.operationId());
    Reply reply =
        decision.fault() == null
            ? normal(op, request, violations)
            : faulted(decision.fault(), op, request, violations);
    return decision.delay().isZero() ? reply : reply.withDelay(decision.delay());
  }

  private Reply normal(OperationSpec op, IncomingRequest request, List<String> violations) {
    String id = requestId(request);
    Reply unauthorized = authorize(request, id);
    if (unauthorized != null) {
      return unauthorized;
    }
    Replay recordings = replay;
    Reply replayed = recordings == null ? null : recordings.answer(request, id);
    if (replayed != null) {
      return replayed;
    }
    if (!violations.isEmpty()) {
      return error(
          200, id, 30002, "request does not match the spec: " + String.join("; ", violations));
    }
    try {
      return serve(op, request, id);
    } catch (BadParameter e) {
      return error(200, id, 30002, "parameters error: " + e.getMessage());
    }
  }

  private @Nullable Reply authorize(IncomingRequest request, String id) {
    String header = request.authorization();
    Matcher m = header == null ? null : BEARER.matcher(header.strip());
    if (m == null || !m.matches()) {
      return error(
          401, id, 10011, "token format error: the authorization header must be 'Bearer <token>'");
    }
    String token = m.group(1);
    if (settings.expiredTokens().contains(token)) {
      return error(401, id, 10012, "the token has expired");
    }
    if (!settings.token().equals(token)) {
      return error(401, id, 10012, "the token is unknown or has expired");
    }
    return null;
  }

  private Reply serve(OperationSpec op, IncomingRequest r, String id) {
    LocalDate latest = clock.latestAvailableDay();
    List<Map<String, Object>> rows;
    switch (op.shape()) {
      case DAY_RANGE -> {
        String startName = op.parameter("x-date-range-start", "start_date");
        String endName = op.parameter("x-date-range-end", "end_date");
        LocalDate start = day(r, startName, latest);
        LocalDate end = day(r, endName, latest);
        if (start.isAfter(end)) {
          throw new BadParameter(startName + " " + start + " is after " + endName + " " + end);
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > op.maxWindowDays()) {
          throw new BadParameter(
              startName
                  + " "
                  + start
                  + " to "
                  + endName
                  + " "
                  + end
                  + " spans "
                  + days
                  + " days; this endpoint accepts at most "
                  + op.maxWindowDays());
        }
        Reply notReady = notReady(op, end, latest, id);
        if (notReady != null) {
          return notReady;
        }
        rows = RowSynthesizer.dayRange(op, start, end, overrides(op, r));
      }
      case HOURLY_RANGE -> {
        String startName = op.parameter("x-hour-range-start", "start_hour");
        String endName = op.parameter("x-hour-range-end", "end_hour");
        Instant start = hour(r, startName, RowSynthesizer.midnight(latest));
        Instant end = hour(r, endName, RowSynthesizer.midnight(latest).plus(Duration.ofHours(23)));
        if (start.isAfter(end)) {
          throw new BadParameter(startName + " " + start + " is after " + endName + " " + end);
        }
        long hours = Duration.between(start, end).toHours();
        long maxHours = (op.maxWindowDays() - 1L) * 24;
        if (hours > maxHours) {
          throw new BadParameter(
              endName
                  + " - "
                  + startName
                  + " is "
                  + hours
                  + " hours; this endpoint accepts at most "
                  + maxHours);
        }
        Reply notReady = notReady(op, LocalDate.ofInstant(end, ZoneOffset.UTC), latest, id);
        if (notReady != null) {
          return notReady;
        }
        rows = RowSynthesizer.hourly(op, start, end, overrides(op, r));
      }
      case STATE_DAY -> {
        LocalDate day = day(r, op.parameter("x-state-date", "state_date"), latest);
        String minerName = op.parameter("x-miner-id", "miner_id");
        String miner = r.first(minerName);
        if (miner != null && !PROVIDER_ID.matcher(miner).matches()) {
          throw new BadParameter(
              minerName + " '" + miner + "' is not a storage provider id such as f01234");
        }
        Reply notReady = notReady(op, day, latest, id);
        if (notReady != null) {
          return notReady;
        }
        rows =
            RowSynthesizer.stateDay(
                op, day, miner, settings.providerPopulation(), overrides(op, r));
      }
      case PAGED_SEARCH -> {
        int pageSize = integer(r, op.parameter("x-page-size", "page_size"), null, 1);
        int page = integer(r, op.parameter("x-page", "page"), 0, 0);
        Map<String, String> filters = new TreeMap<>();
        for (String name : op.searchFilters()) {
          String v = r.first(name);
          if (v != null && !v.isEmpty()) {
            filters.put(name, v);
          }
        }
        if (filters.isEmpty()) {
          throw new BadParameter(
              "at least one of " + String.join(", ", op.searchFilters()) + " is required");
        }
        if (filters.containsKey("deal_id")) {
          integer(r, "deal_id", null, 0);
        }
        rows = RowSynthesizer.dealPage(op, filters, page, pageSize, settings.dealPopulation());
      }
      default -> throw new IllegalStateException(op.shape().toString());
    }
    return Reply.json(200, Envelopes.success(id, rows), 0);
  }

  private @Nullable Reply notReady(OperationSpec op, LocalDate last, LocalDate latest, String id) {
    if (op.allowsFutureDates() || !last.isAfter(latest)) {
      return null;
    }
    return error(
        200,
        id,
        30004,
        "data not ready yet: "
            + last
            + " is published at "
            + FakeClock.publicationOf(last)
            + "; the latest available day is "
            + latest);
  }

  /**
   * The request's parameters other than dates and pages (a provider id, search filters): rows carry
   * their values in the fields of the same name.
   */
  private static Map<String, String> overrides(OperationSpec op, IncomingRequest r) {
    Set<String> shape = new HashSet<>();
    SHAPE_ROLES.forEach((flag, usual) -> shape.add(op.parameter(flag, usual)));
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : op.parameters()) {
      String v = r.first(name);
      if (v != null && !v.isEmpty() && !shape.contains(name)) {
        values.put(name, v);
      }
    }
    return values;
  }

  private static LocalDate day(IncomingRequest r, String name, LocalDate absent) {
    String v = r.first(name);
    if (v == null) {
      return absent;
    }
    try {
      return LocalDate.parse(v, DAY);
    } catch (DateTimeParseException e) {
      throw new BadParameter(name + " '" + v + "' is not a date (YYYY-MM-DD)");
    }
  }

  private static Instant hour(IncomingRequest r, String name, Instant absent) {
    String v = r.first(name);
    if (v == null) {
      return absent;
    }
    try {
      return LocalDateTime.parse(v, HOUR).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadParameter(name + " '" + v + "' is not an hour (YYYY-MM-DDTHH:00:00Z)");
    }
  }

  private static int integer(IncomingRequest r, String name, @Nullable Integer absent, int min) {
    String v = r.first(name);
    if (v == null) {
      if (absent == null) {
        throw new BadParameter(name + " is required");
      }
      return absent;
    }
    try {
      long n = Long.parseLong(v);
      if (n < min) {
        throw new BadParameter(name + " must be " + min + " or more, not " + v);
      }
      return (int) Math.min(n, Integer.MAX_VALUE);
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " '" + v + "' is not an integer");
    }
  }

  private Reply faulted(
      Fault fault, OperationSpec op, IncomingRequest request, List<String> violations) {
    String id = requestId(request);
    return switch (fault.kind()) {
      case ERROR_CODE ->
          error(
              fault.code() / 10_000 == 1 ? 401 : 200,
              id,
              fault.code(),
              fault.message() != null ? fault.message() : defaultMessage(fault.code()));
      case CONNECTION_RESET -> new Reply(0, Map.of(), new byte[0], null, Duration.ZERO, true);
      case BAD_GATEWAY_HTML -> html(502, "502 Bad Gateway");
      case INTERNAL_SERVER_ERROR -> html(500, "500 Internal Server Error");
      case EMPTY_BODY -> Reply.json(200, new byte[0], null);
      case TRUNCATED_BODY -> {
        Reply whole = normal(op, request, violations);
        yield new Reply(
            whole.status(),
            whole.headers(),
            Arrays.copyOf(whole.body(), whole.body().length / 2),
            null,
            Duration.ZERO,
            false);
      }
      case TOO_MANY_REQUESTS -> {
        long seconds = (fault.duration().toMillis() + 999) / 1000;
        yield new Reply(
            429,
            Map.of(
                "Content-Type", "text/plain; charset=utf-8", "Retry-After", Long.toString(seconds)),
            "Too Many Requests\n".getBytes(StandardCharsets.UTF_8),
            null,
            Duration.ZERO,
            false);
      }
      case NULL_DATA -> Reply.json(200, Envelopes.success(id, null), 0);
      case LATENCY -> throw new IllegalStateException("latency is not a terminal fault");
    };
  }

  private static String defaultMessage(int code) {
    return switch (code) {
      case 10011 -> "token format error: the authorization header must be 'Bearer <token>'";
      case 10012 -> "the token has expired";
      case 30001 -> "forbidden: quota, historical range or API limit reached";
      case 30002 -> "parameters error";
      case 30003 -> "internal server error";
      case 30004 -> "data not ready yet";
      default -> "error " + code;
    };
  }

  private static Reply html(int status, String title) {
    String page =
        "<html>\r\n<head><title>"
            + title
            + "</title></head>\r\n<body>\r\n<center><h1>"
            + title
            + "</h1></center>\r\n<hr><center>gateway</center>\r\n</body>\r\n</html>\r\n";
    return new Reply(
        status,
        Map.of("Content-Type", "text/html"),
        page.getBytes(StandardCharsets.UTF_8),
        null,
        Duration.ZERO,
        false);
  }

  private static Reply error(int status, String id, int code, String message) {
    return Reply.json(status, Envelopes.error(id, code, message), code);
  }

  /** The same request gets the same id: the bytes of a reply depend on nothing else. */
  private static String requestId(IncomingRequest request) {
    return UUID.nameUUIDFromBytes(request.canonical().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** A 30002 raised while reading parameters. */
  private static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadParameter(String message) {
      super(message, null, false, false);
    }
  }
}
