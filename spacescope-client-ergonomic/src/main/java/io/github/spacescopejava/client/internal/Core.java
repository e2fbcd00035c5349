package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.Envelope;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The thin facade the generated operation groups call: it checks arguments ({@link RangeChecks}),
 * plans windows ({@link Windows}), runs them ({@link FanOut}), each request under the retry policy
 * ({@link RetryLoop}) through the generated interfaces ({@link DirectCalls}) and the {@link
 * Transport}, with every answer classified by {@link ErrorMapper}. Internal: users reach it only
 * through {@code SpaceScope}. What length it has is its entry points, one per argument shape the
 * templates use, and their documentation.
 */
public final class Core implements AutoCloseable {
  private final Settings settings;
  private final ErrorMapper errors;
  private final Transport transport;
  private final Wire wire;
  private final Request.Options options;
  private final ConcurrentHashMap<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final FanOut fanOut;
  private final Tasks tasks;
  private final RangeChecks checks;

  /**
   * Everything the core needs, already checked by {@code SpaceScope.Builder}.
   *
   * @param baseUrl the API's base URL, without a trailing slash
   * @param token the API token (never logged)
   * @param connectTimeout connect timeout of the built-in HTTP client
   * @param readTimeout the most one attempt may take, to the last byte of the answer
   * @param maxResponseBytes the most bytes one answer's body may have (decision D44)
   * @param retryPolicy the retry policy
   * @param maxConcurrentRequests the most requests in flight at once for the whole client
   * @param clock the clock for data availability and {@code Retry-After} dates
   * @param httpClient the caller's HTTP client, or null for a built-in one
   * @param logger where DEBUG lines go
   * @param checkAvailability whether dates after the latest published day are refused up front
   * @param random the jitter source
   * @param sleeper waits between attempts
   * @param nanoTime the ticker that times the retry budget
   */
  public record Settings(
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout,
      long maxResponseBytes,
      RetryPolicy retryPolicy,
      int maxConcurrentRequests,
      Clock clock,
      @Nullable HttpClient httpClient,
      Logger logger,
      boolean checkAvailability,
      RandomGenerator random,
      Sleeper sleeper,
      LongSupplier nanoTime) {
    @Override
    public String toString() {
      return "Settings[baseUrl="
          + baseUrl
          + ", token=[redacted], maxConcurrentRequests="
          + maxConcurrentRequests
          + "]";
    }
  }

  public Core(Settings settings) {
    this.settings = settings;
    ObjectMapper mapper = SpaceScopeJson.newObjectMapper();
    this.errors = new ErrorMapper(mapper, settings.token());
    this.transport =
        settings.httpClient() == null
            ? Transport.builtIn(
                settings.connectTimeout(), settings.readTimeout(), settings.maxResponseBytes())
            : Transport.on(
                settings.httpClient(), settings.readTimeout(), settings.maxResponseBytes());
    this.wire = new Wire(mapper, errors, settings.logger());
    // The transport applies readTimeout to the whole answer and never follows redirects; these
    // options are only what the Client interface passes along.
    this.options =
        new Request.Options(
            settings.connectTimeout().toMillis(),
            TimeUnit.MILLISECONDS,
            settings.readTimeout().toMillis(),
            TimeUnit.MILLISECONDS,
            false);
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
    this.tasks = new Tasks(retries, errors, settings.logger());
    this.checks = new RangeChecks(settings.clock(), settings.checkAvailability());
  }

  /**
   * The generated Feign interface {@code type}, created once per client; its calls go through
   * {@link DirectCalls} (decision D43) to the transport, answers to {@link Wire}.
   */
  public <T> T api(Class<T> type) {
    return type.cast(
        apis.computeIfAbsent(
            type,
            t ->
                DirectCalls.create(
                    t,
                    settings.baseUrl(),
                    Map.of("authorization", "Bearer " + settings.token()),
                    transport,
                    options,
                    wire,
                    wire)));
  }

  /**
   * Creates an operation group on this core through its non-public constructor, so that no public
   * signature names this class.
   */
  public <T> T group(Class<T> type) {
    try {
      var constructor = type.getDeclaredConstructor(Core.class);
      constructor.setAccessible(true);
      return constructor.newInstance(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /** The failure every call gets once the client is closed. */
  static ClientClosedException closedException(
      RequestContext context, @Nullable SpaceScopeException cause) {
    return new ClientClosedException(
        "The client is closed (SpaceScope.close() was called): no request is sent after close(),"
            + " and calls running at close() are cancelled",
        context,
        cause);
  }

  private <T> T checked(Endpoint e, @Nullable T range) {
    requireOpen(e);
    checks.check(e, range, "range");
    return range;
  }

  private void requireOpen(Endpoint e) {
    if (fanOut.isClosed()) {
      throw closedException(RequestContext.of(e.path(), null, null), null);
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

  /** Every provider's rows of one day. */
  public <E extends Envelope, R> List<R> stateDay(
      Endpoint e,
      @Nullable LocalDate day,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.checkDay(e, day);
    return fanOut.collect(tasks.stateDays(e, DateRange.day(day), null, call, rows));
  }

  /** One provider's rows of one day; a null provider is refused, never widened to all. */
  public <E extends Envelope, R> List<R> stateDay(
      Endpoint e,
      @Nullable LocalDate day,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.checkDay(e, day);
    RangeChecks.require(minerId, "minerId");
    return fanOut.collect(tasks.stateDays(e, DateRange.day(day), minerId, call, rows));
  }

  /** One request per day of {@code period}, concurrently, merged in date order. */
  public <E extends Envelope, R> List<R> stateDays(
      Endpoint e,
      @Nullable DateRange period,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.check(e, period, "period");
    return fanOut.collect(tasks.stateDays(e, period, null, call, rows));
  }

  /** Like {@link #stateDays(Endpoint, DateRange, BiFunction, Function)}, for one provider. */
  public <E extends Envelope, R> List<R> stateDays(
      Endpoint e,
      @Nullable DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.check(e, period, "period");
    RangeChecks.require(minerId, "minerId");
    return fanOut.collect(tasks.stateDays(e, period, minerId, call, rows));
  }

  /** Like {@link #stateDays(Endpoint, DateRange, BiFunction, Function)}, day by day. */
  public <E extends Envelope, R> Stream<R> stateDaysStream(
      Endpoint e,
      @Nullable DateRange period,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    requireOpen(e);
    checks.check(e, period, "period");
    return fanOut.ordered(tasks.stateDays(e, period, null, call, rows));
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
