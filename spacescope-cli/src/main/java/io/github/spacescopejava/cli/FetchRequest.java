package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.Operation.Shape;
import io.github.spacescopejava.client.ProviderId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to fetch from one operation, checked before anything is sent: a period of days (with a
 * provider for per-provider operations), or a search.
 *
 * @param operation the operation
 * @param period the days, inclusive (UTC); null for a search
 * @param provider the storage provider, or null for every provider
 * @param search the search of a paged-search operation, or null
 * @param wholeSeries no dates: the whole series, for operations marked {@code x-without-dates}
 */
record FetchRequest(
    Operation operation,
    @Nullable DateRange period,
    @Nullable ProviderId provider,
    @Nullable DealSearch search,
    boolean wholeSeries) {

  /**
   * Checks the command's arguments against the operation.
   *
   * @throws CliException {@link ExitCode#BAD_INPUT} for a malformed or impossible date, period or
   *     provider, {@link ExitCode#NOT_READY} for days not yet published, {@link ExitCode#USAGE} for
   *     an option the operation does not take
   */
  static FetchRequest of(
      Operation op,
      @Nullable String from,
      @Nullable String to,
      @Nullable String provider,
      List<String> filters,
      @Nullable Integer pageSize,
      Clock clock) {
    if (op.shape() == Shape.PAGED_SEARCH) {
      if (from != null || to != null || provider != null) {
        throw new CliException(
            ExitCode.USAGE,
            op.name()
                + " is a search: it takes --filter NAME=VALUE (and --page-size), not --from, --to"
                + " or --provider");
      }
      return new FetchRequest(op, null, null, search(op, filters, pageSize), false);
    }
    if (!filters.isEmpty() || pageSize != null) {
      throw new CliException(
          ExitCode.USAGE,
          op.name() + " is not a search: it takes --from and --to, not --filter or --page-size");
    }
    if (from == null && to == null && provider == null && op.withoutDates()) {
      return new FetchRequest(op, null, null, null, true);
    }
    if (from == null || to == null) {
      throw new CliException(
          ExitCode.USAGE,
          op.name()
              + " needs "
              + (from == null ? "--from" : "--to")
              + " (a UTC day such as 2024-01-01); --from and --to are both inclusive"
              + (op.withoutDates() ? "; give neither for the whole series" : ""));
    }
    LocalDate start = day("--from", from);
    LocalDate end = day("--to", to);
    if (start.isAfter(end)) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          "--from " + start + " is after --to " + end + "; give the earlier day first");
    }
    LocalDate latest = DateRange.latestAvailableDay(clock);
    if (end.isAfter(latest) && !op.allowsFutureDates()) {
      throw new CliException(
          ExitCode.NOT_READY,
          "the data of "
              + end
              + " is not published yet: it should be ready at "
              + Publication.readyAt(end)
              + "; the latest published day is "
              + latest
              + ", so end with --to "
              + latest
              + " or retry then");
    }
    ProviderId id = null;
    if (provider != null) {
      if (!op.perStorageProvider()) {
        throw new CliException(
            ExitCode.USAGE, op.name() + " is network-wide: it takes no --provider");
      }
      try {
        id = ProviderId.of(provider);
      } catch (InvalidInputException e) {
        throw Failures.of(e);
      }
    }
    try {
      return new FetchRequest(op, DateRange.of(start, end), id, null, false);
    } catch (InvalidInputException e) {
      throw Failures.of(e);
    }
  }

  private static LocalDate day(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new CliException(
          ExitCode.BAD_INPUT,
          option + " '" + text + "' is not a date: use YYYY-MM-DD (UTC), such as 2024-01-01");
    }
  }

  /** Builds the client's {@code DealSearch} from NAME=VALUE filters named as in the spec. */
  private static DealSearch search(Operation op, List<String> filters, @Nullable Integer pageSize) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String filter : filters) {
      int eq = filter.indexOf('=');
      if (eq <= 0) {
        throw new CliException(
            ExitCode.USAGE, "--filter '" + filter + "' is not NAME=VALUE, such as deal_id=3408838");
      }
      given.put(filter.substring(0, eq).strip(), filter.substring(eq + 1).strip());
    }
    List<String> accepted =
        op.parameters().stream()
            .filter(p -> p.role().equals("search-filter"))
            .map(Operation.Parameter::name)
            .toList();
    try {
      DealSearch.Builder builder = DealSearch.builder();
      if (pageSize != null) {
        builder.pageSize(pageSize);
      }
      for (Map.Entry<String, String> f : given.entrySet()) {
        if (!accepted.contains(f.getKey())) {
          throw new CliException(
              ExitCode.UNKNOWN_NAME,
              "--filter "
                  + f.getKey()
                  + " is not a filter of "
                  + op.name()
                  + "; accepted: "
                  + String.join(", ", accepted));
        }
        builder.filter(f.getKey(), f.getValue());
      }
      return builder.build();
    } catch (InvalidInputException e) {
      throw Failures.of(e);
    }
  }

  /** The instant just after each request's window, in order, as the client splits the period. */
  List<Instant> windowEnds() {
    if (period == null) {
      return List.of();
    }
    return switch (operation.shape()) {
      case DAY_RANGE ->
          period.split(operation.maxWindowDays()).stream()
              .map(w -> Publication.startOf(w.end().plusDays(1)))
              .toList();
      case HOURLY_RANGE ->
          io.github.spacescopejava.client.HourRange.ofDays(period)
              .split(operation.maxWindowDays())
              .stream()
              .map(w -> w.end().plusSeconds(3600))
              .toList();
      case STATE_DAY -> period.dates().map(d -> Publication.startOf(d.plusDays(1))).toList();
      case PAGED_SEARCH -> List.of();
    };
  }
}
