package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.Envelope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What the generic call ({@code SpaceScope.fetch}, which every generated group method calls) hands
 * a checked request to (the step after the builder and the group method, before the windows are
 * planned): it checks arguments ({@link RangeChecks}), plans windows ({@link DateRange#split}),
 * runs them ({@link FanOut}), each request under the retry policy ({@link RetryLoop}) as a call of
 * the generated Feign interface, built by Feign with the {@link HttpTransport} as its client, the
 * {@link EnvelopeDecoder} as its decoders and no retryer of its own. Internal: users reach it only
 * through {@code SpaceScope}. What length it has is its entry points, one per argument shape of the
 * operation catalog, and their documentation.
 */
public final class GroupCalls implements AutoCloseable {
  private final Settings settings;
  private final HttpTransport transport;
  private final Feign.Builder feign;
  private final ConcurrentHashMap<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final FanOut fanOut;
  private final WindowTasks tasks;
  private final RangeChecks checks;

  public GroupCalls(Settings settings) {
    this.settings = settings;
    ObjectMapper mapper = SpaceScopeJson.newObjectMapper();
    FailureClassifier classifier = new FailureClassifier(mapper, settings.token());
    this.transport =
        settings.httpClient() == null
            ? HttpTransport.builtIn(
                settings.connectTimeout(), settings.readTimeout(), settings.maxResponseBytes())
            : HttpTransport.on(
                settings.httpClient(), settings.readTimeout(), settings.maxResponseBytes());
    EnvelopeDecoder decoder = new EnvelopeDecoder(mapper, classifier);
    this.feign =
        GeneratedClients.builder(settings.token(), transport, mapper)
            // Notes each answer's status and size for the listeners' events (decision D60).
            .decoder(AnswerSizes.noting(decoder))
            .errorDecoder(decoder)
            // Retries are the RetryLoop's, under the user's policy (decision D9).
            .retryer(Retryer.NEVER_RETRY)
            .logger(new DebugLog(settings.logger()))
            .logLevel(DebugLog.Level.BASIC)
            // The transport applies readTimeout to the whole answer; never a redirect.
            .options(
                new Request.Options(
                    settings.connectTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    settings.readTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    false));
    this.fanOut = new FanOut(settings.maxConcurrentRequests(), settings.maxConcurrentRequests());
    RetryLoop retries =
        new RetryLoop(
            settings.retryPolicy(),
            new Backoff(settings.retryPolicy(), settings.random()),
            settings.sleeper(),
            settings.nanoTime(),
            settings.clock(),
            // Fair, and shared by every caller thread: bounds requests in flight client-wide.
            new Semaphore(settings.maxConcurrentRequests(), true),
            fanOut::isClosed,
            settings.logger());
    this.tasks =
        new WindowTasks(
            retries,
            new TransportFailures(classifier.redactor()),
            settings.logger(),
            new Listeners(settings.listeners(), settings.logger()));
    this.checks = new RangeChecks(settings.clock(), settings.checkAvailability());
  }

  /**
   * The generated Feign interface {@code type}, built by Feign once per client, on the group's
   * first use (reading an interface's annotations is most of a client's start, and most programs
   * use one or two groups).
   */
  public <T> T api(Class<T> type) {
    Object known = apis.get(type);
    if (known != null) {
      return type.cast(known);
    }
    // Feign's builder is not documented as thread-safe: one target at a time.
    synchronized (feign) {
      return type.cast(apis.computeIfAbsent(type, t -> feign.target(t, settings.baseUrl())));
    }
  }

  private <T> T checked(Endpoint e, @Nullable T range) {
    requireOpen(e);
    checks.check(e, range, "range");
    return range;
  }

  private void requireOpen(Endpoint e) {
    if (fanOut.isClosed()) {
      throw ClientClosed.exception(Contexts.request(e.path(), null, null), null);
    }
  }

  // ---- day and hour ranges -------------------------------------------------------------------

  /** Fetches a day range in windows, concurrently, merged in order. */
  public <E extends Envelope, R> List<R> list(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    return fanOut.collect(tasks.days(e, checked(e, range), call, rows));
  }

  /** Like {@link #list(Endpoint, DateRange, Function, Function)}, window by window. */
  public <E extends Envelope, R> Stream<R> stream(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    return fanOut.ordered(tasks.days(e, checked(e, range), call, rows));
  }

  /** Fetches an hour range in windows, concurrently, merged in order. */
  public <E extends Envelope, R> List<R> list(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    return fanOut.collect(tasks.hours(e, checked(e, range), call, rows));
  }

  /** Like {@link #list(Endpoint, HourRange, Function, Function)}, window by window. */
  public <E extends Envelope, R> Stream<R> stream(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    return fanOut.ordered(tasks.hours(e, checked(e, range), call, rows));
  }

  /**
   * One request without dates, which an operation marked {@code x-without-dates} in the spec
   * answers with its whole series (every scheduled expiry, for example).
   */
  public <E extends Envelope, R> List<R> whole(
      Endpoint e, Supplier<E> call, Function<E, List<R>> rows) {
    requireOpen(e);
    return tasks.fetch(e, "whole series", null, call, rows);
  }

  // ---- state days ---------------------------------------------------------------------------

  /**
   * The rows of one day: every provider's, or one provider's when {@code minerId} is given (the
   * generic call refuses a null provider by name before this; null here means every provider).
   */
  public <E extends Envelope, R> List<R> stateDay(
      Endpoint e,
      @Nullable LocalDate day,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.checkDay(e, day);
    return fanOut.collect(tasks.stateDays(e, DateRange.day(day), minerId, call, rows));
  }

  /**
   * One request per day of {@code period}, concurrently, merged in date order: every provider's
   * rows, or one provider's when {@code minerId} is given.
   */
  public <E extends Envelope, R> List<R> stateDays(
      Endpoint e,
      @Nullable DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.check(e, period, "period");
    return fanOut.collect(tasks.stateDays(e, period, minerId, call, rows));
  }

  /** Like {@link #stateDays}, day by day. */
  public <E extends Envelope, R> Stream<R> stateDaysStream(
      Endpoint e,
      @Nullable DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.check(e, period, "period");
    return fanOut.ordered(tasks.stateDays(e, period, minerId, call, rows));
  }

  // ---- paged search -------------------------------------------------------------------------

  /** A lazy stream over every page of a search, stopping after the last (short or empty) page. */
  public <E extends Envelope, R> Stream<R> pages(
      Endpoint e,
      @Nullable DealSearch search,
      BiFunction<DealSearch, Integer, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    RangeChecks.require(search, "search");
    return Pager.rows(
        search.pageSize(),
        page -> tasks.fetch(e, "page " + page, null, () -> call.apply(search, page), rows));
  }

  /**
   * {@code value}, or an {@code InvalidInputException} naming {@code parameter} with the value
   * {@code null}: how the generated group methods refuse a null argument by its own name.
   */
  public static <T> T require(@Nullable T value, String parameter) {
    return RangeChecks.require(value, parameter);
  }

  /** Turns a search filter into a query value (null when absent), for the generated code. */
  public static @Nullable String param(Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }

  /** Turns a numeric search filter into a query value (null when absent). */
  public static @Nullable Long param(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /**
   * Refuses new calls, cancels running ones (they end with {@code ClientClosedException}), stops
   * the worker threads and releases the HTTP client's threads and connections.
   */
  @Override
  public void close() {
    fanOut.close();
    transport.close();
  }
}
