package io.github.spacescopejava.client.internal;

import feign.FeignException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.generated.model.Envelope;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Turns a checked call into tasks, one per window or day, for {@link FanOut} to run; a window the
 * server still finds too long (30002) is fetched again in halves. Each task's request is one call
 * of the Feign client under the {@link RetryLoop}: this is the call site that knows the endpoint,
 * the window and the last day asked for, and names the request in the failure of an attempt ({@link
 * #failure}).
 */
final class WindowTasks {
  private final RetryLoop retries;
  private final TransportFailures transportFailures;
  private final Logger log;
  private final Listeners listeners;

  WindowTasks(
      RetryLoop retries, TransportFailures transportFailures, Logger log, Listeners listeners) {
    this.retries = retries;
    this.transportFailures = transportFailures;
    this.log = log;
    this.listeners = listeners;
  }

  /** One task per window of a checked day range. */
  <E extends Envelope, R> FanOut.Plan<R> days(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    List<DateRange> windows = range.split(e.maxWindowDays());
    CallEvents events = planned(e, windows);
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    for (DateRange w : windows) {
      tasks.add(
          () ->
              halving(
                  e, w, DateRange::halves, DateRange::days, DateRange::end, call, rows, events));
    }
    return new FanOut.Plan<>(tasks, events);
  }

  /** One task per window of a checked hour range. */
  <E extends Envelope, R> FanOut.Plan<R> hours(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    List<HourRange> windows = range.split(e.maxWindowDays());
    CallEvents events = planned(e, windows);
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    for (HourRange w : windows) {
      tasks.add(
          () ->
              halving(
                  e,
                  w,
                  HourRange::halves,
                  HourRange::hours,
                  h -> LocalDate.ofInstant(h.end(), ZoneOffset.UTC),
                  call,
                  rows,
                  events));
    }
    return new FanOut.Plan<>(tasks, events);
  }

  private CallEvents planned(Endpoint e, List<?> windows) {
    if (!listeners.active()) {
      return CallEvents.NONE;
    }
    return CallEvents.planned(listeners, e.path(), windows.stream().map(Object::toString).toList());
  }

  /** One window; a window the server still finds too long (30002) is retried in halves. */
  private <W, E extends Envelope, R> List<R> halving(
      Endpoint e,
      W w,
      Function<W, List<W>> halves,
      java.util.function.ToLongFunction<W> size,
      Function<W, LocalDate> lastDay,
      Function<W, E> call,
      Function<E, List<R>> rows,
      CallEvents events) {
    String label = w.toString();
    try {
      return request(e, label, lastDay.apply(w), () -> call.apply(w), rows, events);
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
        out.addAll(halving(e, half, halves, size, lastDay, call, rows, events));
      }
      return out;
    }
  }

  private static boolean isParameterError(
      io.github.spacescopejava.client.InvalidRequestException e) {
    return e.apiCode().isPresent() && e.apiCode().getAsInt() == 30002;
  }

  /** One task per day of a checked period; {@code minerId} null asks for every provider. */
  <E extends Envelope, R> FanOut.Plan<R> stateDays(
      Endpoint e,
      DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    String miner = minerId == null ? null : minerId.value();
    List<LocalDate> days = period.dates().toList();
    CallEvents events = planned(e, days);
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    days.forEach(
        day ->
            tasks.add(
                () -> request(e, day.toString(), day, () -> call.apply(day, miner), rows, events)));
    return new FanOut.Plan<>(tasks, events);
  }

  /**
   * A call of one request under the retry policy (a whole series, a page of a search), planned as
   * one window; its rows, never null.
   */
  <E extends Envelope, R> List<R> fetch(
      Endpoint e,
      String window,
      @Nullable LocalDate lastDay,
      Supplier<E> call,
      Function<E, List<R>> rows) {
    CallEvents events = planned(e, List.of(window));
    try {
      return request(e, window, lastDay, call, rows, events);
    } catch (RuntimeException failed) {
      events.failed(failed);
      throw failed;
    }
  }

  /** One request of a call under the retry policy; its rows, never null. */
  private <E extends Envelope, R> List<R> request(
      Endpoint e,
      String window,
      @Nullable LocalDate lastDay,
      Supplier<E> call,
      Function<E, List<R>> rows,
      CallEvents events) {
    RequestContext ctx = Contexts.request(e.path(), null, window);
    long[] started = new long[1];
    // The answered attempt's [status, bytes] and envelope code, on this window's thread.
    long[] answer = {-1, -1, -1};
    boolean measured = events.active();
    return retries.run(
        e.path() + " " + window,
        ctx,
        () -> {
          started[0] = System.nanoTime();
          E envelope;
          if (measured) {
            long[] slot = AnswerSizes.open();
            try {
              envelope = call.get();
            } finally {
              AnswerSizes.close();
            }
            answer[0] = slot[0];
            answer[1] = slot[1];
            answer[2] = envelope.getCode() == null ? -1 : envelope.getCode();
          } else {
            envelope = call.get();
          }
          if (log.isDebugEnabled()) {
            log.debug(
                "GET {} {} -> code=0 request_id={} in {} ms",
                e.path(),
                window,
                envelope.getRequestId(),
                millisSince(started[0]));
          }
          List<R> data = rows.apply(envelope);
          if (data == null) {
            // The decoder refuses a success envelope without data; this guards the model mapping.
            throw new UnexpectedResponseException(
                "A success envelope without rows", "(data missing)", ctx, null);
          }
          return data;
        },
        ex -> {
          Failure f = failure(ex, e, window, lastDay);
          if (log.isDebugEnabled()) {
            SpaceScopeException x = f.exception();
            log.debug(
                "GET {} {} -> http={} code={} request_id={} in {} ms: {}",
                e.path(),
                window,
                x.httpStatus().isPresent() ? x.httpStatus().getAsInt() : "-",
                x.apiCode().isPresent() ? x.apiCode().getAsInt() : "-",
                x.requestId().orElse("-"),
                millisSince(started[0]),
                x.getClass().getSimpleName());
          }
          return f;
        },
        events.window(
            window,
            (operation, w, attempt, data, duration) ->
                new AttemptAnswered(
                    operation,
                    w,
                    attempt,
                    (int) answer[0],
                    (int) answer[2],
                    data.size(),
                    answer[1],
                    duration)));
  }

  /**
   * What one attempt's Feign call threw, as the failure of this request, named here with the
   * endpoint, the query Feign sent, the window and the last day asked for. Two kinds come out of
   * Feign: the decoder's {@link RejectedAnswer}, and Feign's own exception around an {@link
   * IOException} of the transport (or of reading a body). Anything else is a fault in the client or
   * its libraries: typed, never retried.
   */
  Failure failure(RuntimeException thrown, Endpoint e, String window, @Nullable LocalDate lastDay) {
    if (thrown instanceof SpaceScopeException own) {
      // The client's own check of a decoded answer (a success envelope without rows).
      return new Failure(own, Failure.Retry.NEVER, null);
    }
    if (thrown instanceof RejectedAnswer rejected) {
      return rejected.rejection().failure(context(e, window, rejected), lastDay);
    }
    if (thrown instanceof FeignException fe && fe.getCause() instanceof IOException io) {
      return transportFailures.of(io, context(e, window, fe));
    }
    // A FeignException is not kept as the cause: its request holds the authorization header.
    return new Failure(
        new TransportException(
            "The request could not be made: " + thrown.getClass().getSimpleName(),
            Contexts.request(e.path(), null, window),
            thrown instanceof FeignException ? null : thrown),
        Failure.Retry.NEVER,
        null);
  }

  private static RequestContext context(Endpoint e, String window, FeignException thrown) {
    String query = thrown.hasRequest() ? rawQuery(thrown.request().url()) : null;
    return Contexts.request(e.path(), query, window);
  }

  /**
   * The raw query of a URL Feign built (absolute, no fragment), as {@link
   * java.net.URI#getRawQuery()} gives it, without parsing the whole URI.
   */
  static @Nullable String rawQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = url.indexOf('#', q);
    return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
