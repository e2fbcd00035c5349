package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.generated.model.Envelope;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Turns a checked call into tasks, one per window or day, each fetching its rows through the retry
 * loop; a window the server still finds too long (30002) is fetched again in halves. What an
 * attempt throws is normalized here into a failure for the retry loop.
 */
final class Tasks {
  private final RetryLoop retries;
  private final ErrorMapper errors;
  private final Logger log;

  Tasks(RetryLoop retries, ErrorMapper errors, Logger log) {
    this.retries = retries;
    this.errors = errors;
    this.log = log;
  }

  /** One task per window of a checked day range. */
  <E extends Envelope, R> List<Supplier<List<R>>> days(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    for (DateRange w : Windows.split(range, e.maxWindowDays())) {
      tasks.add(() -> halving(e, w, Windows::halves, DateRange::days, DateRange::end, call, rows));
    }
    return tasks;
  }

  /** One task per window of a checked hour range. */
  <E extends Envelope, R> List<Supplier<List<R>>> hours(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    for (HourRange w : Windows.split(range, e.maxWindowDays())) {
      tasks.add(
          () ->
              halving(
                  e,
                  w,
                  Windows::halves,
                  HourRange::hours,
                  h -> LocalDate.ofInstant(h.end(), ZoneOffset.UTC),
                  call,
                  rows));
    }
    return tasks;
  }

  /** One window; a window the server still finds too long (30002) is retried in halves. */
  private <W, E extends Envelope, R> List<R> halving(
      Endpoint e,
      W w,
      Function<W, List<W>> halves,
      java.util.function.ToLongFunction<W> size,
      Function<W, LocalDate> lastDay,
      Function<W, E> call,
      Function<E, List<R>> rows) {
    String label = w.toString();
    try {
      return fetch(e, label, lastDay.apply(w), () -> call.apply(w), rows);
    } catch (InvalidRequestException refused) {
      if (!isParameterError(refused) || size.applyAsLong(w) < 2) {
        throw refused;
      }
      log.debug(
          "{} {}: 30002 for a window of {}, retrying in halves",
          e.path(),
          label,
          size.applyAsLong(w));
      List<R> out = new ArrayList<>();
      for (W half : halves.apply(w)) {
        out.addAll(halving(e, half, halves, size, lastDay, call, rows));
      }
      return out;
    }
  }

  private static boolean isParameterError(
      io.github.spacescopejava.client.InvalidRequestException e) {
    return e.apiCode().isPresent() && e.apiCode().getAsInt() == 30002;
  }

  /** One task per day of a checked period; {@code minerId} null asks for every provider. */
  <E extends Envelope, R> List<Supplier<List<R>>> stateDays(
      Endpoint e,
      DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    String miner = minerId == null ? null : minerId.value();
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    period
        .dates()
        .forEach(
            day ->
                tasks.add(() -> fetch(e, day.toString(), day, () -> call.apply(day, miner), rows)));
    return tasks;
  }

  /** One request under the retry policy; its rows, never null. */
  <E extends Envelope, R> List<R> fetch(
      Endpoint e,
      String window,
      @Nullable LocalDate lastDay,
      Supplier<E> call,
      Function<E, List<R>> rows) {
    RequestContext ctx = RequestContext.of(e.path(), null, window);
    E envelope =
        retries.run(
            e.path() + " " + window,
            ctx,
            () -> {
              CallScope.enter(e, window, lastDay);
              try {
                return call.get();
              } finally {
                CallScope.exit();
              }
            },
            ex -> normalize(ex, ctx));
    List<R> data = rows.apply(envelope);
    if (data == null) {
      // The decoder refuses a success envelope without data; this guards the model mapping.
      throw new UnexpectedResponseException(
          "A success envelope without rows", "(data missing)", ctx, null);
    }
    return data;
  }

  /** What an attempt threw, as a failure: our signal wherever it was wrapped, or transport. */
  private Failure normalize(RuntimeException ex, RequestContext ctx) {
    Throwable t = ex;
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      if (t instanceof Failure.Signal s) {
        return s.failure();
      }
      if (t instanceof SpaceScopeException sse) {
        return new Failure(sse, Failure.Retry.NEVER, null);
      }
    }
    if (ex.getCause() instanceof IOException io) {
      return errors.transport(io, ctx);
    }
    // Anything else is a fault in the client or its libraries; still typed, never retried.
    return new Failure(
        new TransportException(
            "The request could not be made: " + ex.getClass().getSimpleName(), ctx, ex),
        Failure.Retry.NEVER,
        null);
  }
}
