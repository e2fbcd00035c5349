package io.github.spacescopejava.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The API's rules for a well-formed, authorized request, as the spec states them ({@link
 * OperationRules}), and the rows of a request that follows them.
 *
 * <ul>
 *   <li>a start after the end, a window over the operation's limit, a malformed value, a missing
 *       filter of {@code x-requires-one-of}: HTTP 200 and 30002;
 *   <li>a day after the publication cut-off of the fake's clock: 30004 (except {@code
 *       x-allows-future-dates});
 *   <li>days before {@code info.x-first-day-with-data} have no rows;
 *   <li>an {@code x-without-dates} operation asked without dates answers with its whole series.
 * </ul>
 *
 * <p>The window limit is {@code x-accepted-window-days} (what the live server is known to accept)
 * unless {@link FakeSettings#strictWindows()}, which holds requests to {@code x-max-window-days},
 * the docs' figure.
 */
final class ApiRules {
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
  private final Map<String, List<String>> overridable = new ConcurrentHashMap<>();
  private final FakeSettings settings;
  private final FakeClock clock;

  /** Mainnet's first day unless the spec says otherwise. */
  private final LocalDate firstDay;

  ApiRules(ApiSpec spec, FakeSettings settings, FakeClock clock) {
    this.spec = spec;
    this.settings = settings;
    this.clock = clock;
    LocalDate stated = spec.firstDayWithData();
    this.firstDay =
        stated != null ? stated : LocalDate.ofInstant(RowSynthesizer.GENESIS, ZoneOffset.UTC);
  }

  /** The reply to a request that is authorized and matches the spec. */
  Reply answer(OperationSpec op, IncomingRequest r, String id) {
    try {
      return serve(op, spec.rules(op), r, id);
    } catch (BadParameter e) {
      return Replies.error(200, id, 30002, "parameters error: " + e.getMessage());
    }
  }

  private Reply serve(OperationSpec op, OperationRules rules, IncomingRequest r, String id) {
    LocalDate latest = clock.latestAvailableDay();
    return switch (op.shape()) {
      case DAY_RANGE -> dayRange(op, rules, r, id, latest);
      case HOURLY_RANGE -> hourly(op, rules, r, id, latest);
      case STATE_DAY -> stateDay(op, rules, r, id, latest);
      case PAGED_SEARCH -> dealSearch(op, rules, r, id);
    };
  }

  private Reply dayRange(
      OperationSpec op, OperationRules rules, IncomingRequest r, String id, LocalDate latest) {
    String startName = op.parameter("x-date-range-start", "start_date");
    String endName = op.parameter("x-date-range-end", "end_date");
    LocalDate start;
    LocalDate end;
    if (rules.wholeSeriesDaysAfterLatest() != null
        && r.first(startName) == null
        && r.first(endName) == null) {
      start = firstDay;
      end = latest.plusDays(rules.wholeSeriesDaysAfterLatest());
    } else {
      start = day(r, startName, latest);
      end = day(r, endName, latest);
      if (start.isAfter(end)) {
        throw new BadParameter(startName + " " + start + " is after " + endName + " " + end);
      }
      long days = ChronoUnit.DAYS.between(start, end) + 1;
      int limit = rules.windowDays(settings.strictWindows());
      if (days > limit) {
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
                + limit
                + limitNote(rules));
      }
    }
    Reply notReady = notReady(op, end, latest, id);
    if (notReady != null) {
      return notReady;
    }
    if (end.isBefore(firstDay)) {
      return success(id, List.of());
    }
    LocalDate from = max(start, firstDay);
    Map<String, String> overrides = overrides(op, r);
    return success(
        id,
        List.of("days", op.path(), from, end, overrides),
        () -> RowSynthesizer.dayRange(op, from, end, overrides));
  }

  private Reply hourly(
      OperationSpec op, OperationRules rules, IncomingRequest r, String id, LocalDate latest) {
    String startName = op.parameter("x-hour-range-start", "start_hour");
    String endName = op.parameter("x-hour-range-end", "end_hour");
    Instant start = hour(r, startName, RowSynthesizer.midnight(latest));
    Instant end = hour(r, endName, RowSynthesizer.midnight(latest).plus(Duration.ofHours(23)));
    if (start.isAfter(end)) {
      throw new BadParameter(startName + " " + start + " is after " + endName + " " + end);
    }
    long hours = Duration.between(start, end).toHours();
    long maxHours = (rules.windowDays(settings.strictWindows()) - 1L) * 24;
    if (hours > maxHours) {
      throw new BadParameter(
          endName
              + " - "
              + startName
              + " is "
              + hours
              + " hours; this endpoint accepts at most "
              + maxHours
              + limitNote(rules));
    }
    Reply notReady = notReady(op, LocalDate.ofInstant(end, ZoneOffset.UTC), latest, id);
    if (notReady != null) {
      return notReady;
    }
    Instant first = RowSynthesizer.midnight(firstDay);
    if (end.isBefore(first)) {
      return success(id, List.of());
    }
    Instant from = start.isBefore(first) ? first : start;
    Map<String, String> overrides = overrides(op, r);
    return success(
        id,
        List.of("hours", op.path(), from, end, overrides),
        () -> RowSynthesizer.hourly(op, from, end, overrides));
  }

  private Reply stateDay(
      OperationSpec op, OperationRules rules, IncomingRequest r, String id, LocalDate latest) {
    LocalDate day = day(r, op.parameter("x-state-date", "state_date"), latest);
    String minerName = op.parameter("x-miner-id", "miner_id");
    String miner = r.first(minerName);
    if (miner != null) {
      String wrong = rules.parameter(minerName).violation(minerName, miner);
      if (wrong != null) {
        throw new BadParameter(wrong);
      }
    }
    Reply notReady = notReady(op, day, latest, id);
    if (notReady != null) {
      return notReady;
    }
    if (day.isBefore(firstDay)) {
      return success(id, List.of());
    }
    Map<String, String> overrides = overrides(op, r);
    int population = settings.providerPopulation();
    return success(
        id,
        Arrays.asList("state day", op.path(), day, miner, population, overrides),
        () -> RowSynthesizer.stateDay(op, day, miner, population, overrides));
  }

  private Reply dealSearch(OperationSpec op, OperationRules rules, IncomingRequest r, String id) {
    int pageSize = integer(r, rules, op.parameter("x-page-size", "page_size"), null);
    int page = integer(r, rules, op.parameter("x-page", "page"), 0);
    Map<String, String> filters = new TreeMap<>();
    for (String name : op.searchFilters()) {
      String v = r.first(name);
      if (v != null && !v.isEmpty()) {
        filters.put(name, v);
      }
    }
    if (!rules.requiresOneOf().isEmpty()
        && rules.requiresOneOf().stream().noneMatch(filters::containsKey)) {
      throw new BadParameter(
          "at least one of " + String.join(", ", rules.requiresOneOf()) + " is required");
    }
    if (filters.containsKey("deal_id")) {
      integer(r, rules, "deal_id", null);
    }
    int population = settings.dealPopulation();
    return success(
        id,
        List.of("deals", op.path(), filters, page, pageSize, population),
        () -> RowSynthesizer.dealPage(op, filters, page, pageSize, population));
  }

  private static Reply success(String id, List<Map<String, Object>> rows) {
    return Reply.json(200, Envelopes.success(id, rows), 0);
  }

  /** The rows of {@code key}, synthesized once per spec ({@link RowCache}). */
  private Reply success(String id, List<Object> key, Supplier<List<Map<String, Object>>> rows) {
    return Reply.json(200, Envelopes.successWith(id, spec.rowCache().data(key, rows)), 0);
  }

  /** Says which figure a window limit is, where the docs and the live server differ. */
  private String limitNote(OperationRules rules) {
    if (rules.acceptedWindowDays() == rules.maxWindowDays()) {
      return "";
    }
    return settings.strictWindows()
        ? " (the documented limit; the live server is known to accept "
            + rules.acceptedWindowDays()
            + " days)"
        : " (the docs say " + rules.maxWindowDays() + ")";
  }

  private @Nullable Reply notReady(OperationSpec op, LocalDate last, LocalDate latest, String id) {
    if (op.allowsFutureDates() || !last.isAfter(latest)) {
      return null;
    }
    return Replies.error(
        200,
        id,
        30004,
        "data not ready yet: "
            + last
            + " is published at "
            + clock.publication(last)
            + "; the latest available day is "
            + latest);
  }

  /**
   * The request's parameters other than dates and pages (a provider id, search filters): rows carry
   * their values in the fields of the same name.
   */
  private Map<String, String> overrides(OperationSpec op, IncomingRequest r) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : overridable.computeIfAbsent(op.path(), p -> overridable(op))) {
      String v = r.first(name);
      if (v != null && !v.isEmpty()) {
        values.put(name, v);
      }
    }
    return values;
  }

  /** The parameters of {@code op} that are not dates or pages, in spec order. */
  private static List<String> overridable(OperationSpec op) {
    Set<String> shape = new HashSet<>();
    SHAPE_ROLES.forEach((flag, usual) -> shape.add(op.parameter(flag, usual)));
    return op.parameters().stream().filter(name -> !shape.contains(name)).toList();
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate day(IncomingRequest r, String name, LocalDate absent) {
    String v = r.first(name);
    if (v == null) {
      return absent;
    }
    LocalDate plain = plainDay(v);
    if (plain != null) {
      return plain;
    }
    try {
      return LocalDate.parse(v, DAY);
    } catch (DateTimeParseException e) {
      throw new BadParameter(name + " '" + v + "' is not a date (YYYY-MM-DD)");
    }
  }

  /** {@code YYYY-MM-DD} of a real day without the formatter; null for anything else. */
  static @Nullable LocalDate plainDay(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 7);
    int day = digits(v, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    if (day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
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

  /** An integer parameter within the bounds its schema states. */
  private static int integer(
      IncomingRequest r, OperationRules rules, String name, @Nullable Integer absent) {
    String v = r.first(name);
    if (v == null) {
      if (absent == null) {
        throw new BadParameter(name + " is required");
      }
      return absent;
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new BadParameter(name + " '" + v + "' is not an integer");
    }
    String wrong = rules.parameter(name).violation(name, v);
    if (wrong != null) {
      throw new BadParameter(wrong);
    }
    return (int) Math.max(Integer.MIN_VALUE, Math.min(n, Integer.MAX_VALUE));
  }

  /** A 30002 raised while reading parameters. */
  private static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadParameter(String message) {
      super(message, null, false, false);
    }
  }
}
