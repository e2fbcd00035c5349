package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.FeignException;
import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.constraints.AvailabilityChecks;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.Envelope;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The engine behind every generated operation: validation before any request, window splitting,
 * bounded concurrency, ordered merging, retries, and the one error path. Internal: users reach it
 * only through {@code SpaceScope} and the operation groups.
 */
public final class Core implements AutoCloseable {
  private final Settings settings;
  private final ObjectMapper mapper = SpaceScopeJson.newObjectMapper();
  private final ErrorMapper errors;
  private final feign.Feign.Builder feign;
  private final ConcurrentHashMap<Class<?>, Object> apis = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private final ValidatorFactory validatorFactory;
  private final Validator validator;
  private final Logger log;
  private final Backoff backoff;
  // Bounds requests in flight across every caller thread, not only across one call's windows.
  private final java.util.concurrent.Semaphore permits;

  /**
   * Everything the core needs, already checked by {@code SpaceScope.Builder}.
   *
   * @param baseUrl the API's base URL, without a trailing slash
   * @param token the API token (never logged)
   * @param connectTimeout connect timeout
   * @param readTimeout read timeout
   * @param retryPolicy the retry policy
   * @param maxConcurrentRequests the most requests in flight at once for the whole client
   * @param clock the clock for data availability and retry budgets
   * @param transport the HTTP transport
   * @param logger where DEBUG lines go
   * @param checkAvailability whether dates after the latest published day are refused up front
   * @param random the jitter source
   */
  public record Settings(
      String baseUrl,
      String token,
      Duration connectTimeout,
      Duration readTimeout,
      RetryPolicy retryPolicy,
      int maxConcurrentRequests,
      Clock clock,
      Client transport,
      Logger logger,
      boolean checkAvailability,
      RandomGenerator random) {
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
    this.log = settings.logger();
    this.backoff = new Backoff(settings.retryPolicy(), settings.random());
    this.permits = new java.util.concurrent.Semaphore(settings.maxConcurrentRequests(), true);
    this.errors = new ErrorMapper(mapper, settings.token());
    Wire wire = new Wire(mapper, errors, log);
    this.feign =
        GeneratedClients.builder(settings.token(), settings.transport(), mapper)
            .decoder(wire)
            .errorDecoder(wire)
            .retryer(Retryer.NEVER_RETRY)
            .options(
                new Request.Options(
                    settings.connectTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    settings.readTimeout().toMillis(),
                    TimeUnit.MILLISECONDS,
                    true));
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "spacescope-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor =
        new ThreadPoolExecutor(
            settings.maxConcurrentRequests(),
            settings.maxConcurrentRequests(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
    this.validatorFactory =
        Validation.byDefaultProvider()
            .configure()
            .clockProvider(settings::clock)
            .buildValidatorFactory();
    this.validator = validatorFactory.getValidator();
  }

  /** The generated Feign interface {@code type}, created once per client. */
  public <T> T api(Class<T> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(t, settings.baseUrl())));
  }

  // ---- day and hour ranges -------------------------------------------------------------------

  /**
   * What the window machinery needs to know about a range type: how to split it by an endpoint's
   * limit, how to halve one window, how big a window is, and its last day.
   */
  private record Ranges<W>(
      BiFunction<W, Integer, List<W>> split,
      Function<W, List<W>> halves,
      java.util.function.ToLongFunction<W> size,
      Function<W, LocalDate> lastDay) {}

  private static final Ranges<DateRange> DAYS =
      new Ranges<>(DateRange::split, Windows::halves, DateRange::days, DateRange::end);
  private static final Ranges<HourRange> HOURS =
      new Ranges<>(
          HourRange::split,
          Windows::halves,
          HourRange::hours,
          w -> LocalDate.ofInstant(w.end(), java.time.ZoneOffset.UTC));

  /** Fetches a day range in windows, concurrently, merged in order. */
  public <E extends Envelope, R> List<R> list(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    return collect(rangeTasks(e, DAYS, range, call, rows));
  }

  /** Like {@link #list(Endpoint, DateRange, Function, Function)}, window by window. */
  public <E extends Envelope, R> Stream<R> stream(
      Endpoint e, DateRange range, Function<DateRange, E> call, Function<E, List<R>> rows) {
    return ordered(rangeTasks(e, DAYS, range, call, rows));
  }

  /** Fetches an hour range in windows, concurrently, merged in order. */
  public <E extends Envelope, R> List<R> list(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    return collect(rangeTasks(e, HOURS, range, call, rows));
  }

  /** Like {@link #list(Endpoint, HourRange, Function, Function)}, window by window. */
  public <E extends Envelope, R> Stream<R> stream(
      Endpoint e, HourRange range, Function<HourRange, E> call, Function<E, List<R>> rows) {
    return ordered(rangeTasks(e, HOURS, range, call, rows));
  }

  private <W, E extends Envelope, R> List<Supplier<List<R>>> rangeTasks(
      Endpoint e, Ranges<W> ranges, W range, Function<W, E> call, Function<E, List<R>> rows) {
    validate(e, range, "range");
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    for (W w : ranges.split().apply(range, e.maxWindowDays())) {
      tasks.add(() -> fetchWindow(e, ranges, w, call, rows));
    }
    return tasks;
  }

  private <W, E extends Envelope, R> List<R> fetchWindow(
      Endpoint e, Ranges<W> ranges, W w, Function<W, E> call, Function<E, List<R>> rows) {
    String label = w.toString();
    try {
      return rowsOf(
          attempt(e, label, ranges.lastDay().apply(w), () -> call.apply(w)), rows, e, label);
    } catch (InvalidRequestException refused) {
      // The server still found the window too long (30002): halve it, as long as it can be.
      long size = ranges.size().applyAsLong(w);
      if (!isParameterError(refused) || size < 2) {
        throw refused;
      }
      log.debug("{} {}: 30002 for a window of {}, retrying in halves", e.path(), label, size);
      List<R> out = new ArrayList<>();
      for (W half : ranges.halves().apply(w)) {
        out.addAll(fetchWindow(e, ranges, half, call, rows));
      }
      return out;
    }
  }

  /**
   * One request without dates, which an operation marked {@code x-without-dates} in the spec
   * answers with its whole series (every scheduled expiry, for example).
   */
  public <E extends Envelope, R> List<R> whole(
      Endpoint e, Supplier<E> call, Function<E, List<R>> rows) {
    String label = "whole series";
    return rowsOf(attempt(e, label, null, call), rows, e, label);
  }

  // ---- state days ---------------------------------------------------------------------------

  /** One request per day of {@code period}, concurrently, merged in date order. */
  public <E extends Envelope, R> List<R> stateDays(
      Endpoint e,
      DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    return collect(stateTasks(e, period, minerId, call, rows));
  }

  /** Like {@link #stateDays}, day by day. */
  public <E extends Envelope, R> Stream<R> stateDaysStream(
      Endpoint e,
      DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    return ordered(stateTasks(e, period, minerId, call, rows));
  }

  private <E extends Envelope, R> List<Supplier<List<R>>> stateTasks(
      Endpoint e,
      DateRange period,
      @Nullable ProviderId minerId,
      BiFunction<LocalDate, @Nullable String, E> call,
      Function<E, List<R>> rows) {
    validate(e, period, "period");
    String miner = minerId == null ? null : minerId.value();
    List<Supplier<List<R>>> tasks = new ArrayList<>();
    period
        .dates()
        .forEach(
            day ->
                tasks.add(
                    () ->
                        rowsOf(
                            attempt(e, day.toString(), day, () -> call.apply(day, miner)),
                            rows,
                            e,
                            day.toString())));
    return tasks;
  }

  // ---- paged search -------------------------------------------------------------------------

  /** A lazy stream over every page of a search, stopping after the last (short or empty) page. */
  public <E extends Envelope, R> Stream<R> pages(
      Endpoint e,
      DealSearch search,
      BiFunction<DealSearch, Integer, E> call,
      Function<E, List<R>> rows) {
    requireArgument(search, "search");
    Iterator<List<R>> pages =
        new Iterator<>() {
          private int page = 0;
          private boolean done = false;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public List<R> next() {
            if (done) {
              throw new NoSuchElementException();
            }
            int current = page++;
            String label = "page " + current;
            List<R> got =
                rowsOf(attempt(e, label, null, () -> call.apply(search, current)), rows, e, label);
            if (got.size() < search.pageSize()) {
              done = true;
            }
            return got;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .flatMap(List::stream);
  }

  // ---- the shared machinery -----------------------------------------------------------------

  private <E extends Envelope, R> List<R> rowsOf(
      E envelope, Function<E, List<R>> rows, Endpoint e, String window) {
    List<R> data = rows.apply(envelope);
    if (data == null) {
      // The decoder refuses a success envelope without data; this guards the model mapping.
      throw new UnexpectedResponseException(
          "A success envelope without rows",
          "(data missing)",
          RequestContext.of(e.path(), null, window),
          null);
    }
    return data;
  }

  private static boolean isParameterError(InvalidRequestException e) {
    return e.apiCode().isPresent() && e.apiCode().getAsInt() == 30002;
  }

  /** Checks the day of a single-day call, for the generated code. */
  public static LocalDate day(@Nullable LocalDate day) {
    requireArgument(day, "day");
    return day;
  }

  /** Turns a search filter into a query value (null when absent), for the generated code. */
  public static @Nullable String param(java.util.Optional<?> value) {
    return value.map(Object::toString).orElse(null);
  }

  /** Turns a numeric search filter into a query value (null when absent). */
  public static @Nullable Long param(java.util.OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  /** Runs every task on the shared executor and returns their rows in task order. */
  private <R> List<R> collect(List<Supplier<List<R>>> tasks) {
    if (tasks.size() == 1) {
      return new ArrayList<>(tasks.get(0).get());
    }
    List<Future<List<R>>> futures = new ArrayList<>(tasks.size());
    for (Supplier<List<R>> t : tasks) {
      futures.add(executor.submit(t::get));
    }
    List<R> out = new ArrayList<>();
    try {
      for (Future<List<R>> f : futures) {
        out.addAll(await(f));
      }
      return out;
    } finally {
      futures.forEach(f -> f.cancel(true));
    }
  }

  /** Hands rows over task by task, keeping at most the concurrency limit of tasks in flight. */
  private <R> Stream<R> ordered(List<Supplier<List<R>>> tasks) {
    Deque<Supplier<List<R>>> pending = new ArrayDeque<>(tasks);
    Deque<Future<List<R>>> inFlight = new ArrayDeque<>();
    Iterator<List<R>> windows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !pending.isEmpty() || !inFlight.isEmpty();
          }

          @Override
          public List<R> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            while (inFlight.size() < settings.maxConcurrentRequests() && !pending.isEmpty()) {
              Supplier<List<R>> t = pending.poll();
              inFlight.add(executor.submit(t::get));
            }
            try {
              return await(inFlight.poll());
            } catch (RuntimeException failed) {
              pending.clear();
              inFlight.forEach(f -> f.cancel(true));
              inFlight.clear();
              throw failed;
            }
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(windows, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(
            () -> {
              pending.clear();
              inFlight.forEach(f -> f.cancel(true));
            })
        .flatMap(List::stream);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "Interrupted while waiting for a window", RequestContext.none(), e);
    } catch (CancellationException e) {
      throw new TransportException("A window was cancelled", RequestContext.none(), e);
    }
  }

  /** One request with the retry policy applied; every failure leaves as a SpaceScopeException. */
  private <E> E attempt(Endpoint e, String window, @Nullable LocalDate lastDay, Supplier<E> call) {
    long started = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      Failure failure;
      acquire();
      CallScope.enter(e, window, lastDay);
      try {
        return call.get();
      } catch (RuntimeException ex) {
        failure = normalize(ex, e, window);
      } finally {
        CallScope.exit();
        permits.release();
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      boolean retryable =
          failure.retry() == Failure.Retry.TRANSIENT
              || (failure.retry() == Failure.Retry.LIMIT
                  && settings.retryPolicy().retryOnLimitExceeded());
      if (!retryable || !backoff.hasAttemptLeft(attempt)) {
        throw failure.exception();
      }
      Duration delay =
          backoff.delayBeforeAttempt(attempt + 1, failure.retryAfter(), settings.clock().instant());
      if (!backoff.withinBudget(elapsed, delay)) {
        throw failure.exception();
      }
      log.debug(
          "{} {}: attempt {} failed ({}), retrying in {} ms",
          e.path(),
          window,
          attempt,
          failure.exception().getMessage(),
          delay.toMillis());
      sleep(delay);
    }
  }

  private Failure normalize(RuntimeException ex, Endpoint e, String window) {
    Throwable t = ex;
    // Feign wraps what a decoder throws; unwrap to our signal wherever it sits.
    for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
      if (t instanceof Failure.Signal s) {
        return s.failure();
      }
      if (t instanceof SpaceScopeException sse) {
        return new Failure(sse, Failure.Retry.NEVER, null);
      }
    }
    RequestContext ctx = RequestContext.of(e.path(), null, window);
    if (ex instanceof RetryableException && ex.getCause() instanceof IOException io) {
      return errors.transport(io, ctx);
    }
    if (ex.getCause() instanceof IOException io) {
      return errors.transport(io, ctx);
    }
    if (ex instanceof FeignException fe) {
      return new Failure(
          new UnexpectedResponseException(
              "The HTTP layer failed: " + fe.getClass().getSimpleName(), "(no body)", ctx, fe),
          Failure.Retry.NEVER,
          null);
    }
    throw ex;
  }

  private void acquire() {
    try {
      permits.acquire();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new TransportException(
          "Interrupted while waiting for a free connection slot", RequestContext.none(), ie);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new TransportException("Interrupted while waiting to retry", RequestContext.none(), ie);
    }
  }

  // ---- validation ---------------------------------------------------------------------------

  private void validate(Endpoint e, Object range, String parameter) {
    requireArgument(range, parameter);
    Class<?>[] groups =
        settings.checkAvailability() && !e.allowsFutureDates()
            ? new Class<?>[] {Default.class, AvailabilityChecks.class}
            : new Class<?>[] {Default.class};
    Set<ConstraintViolation<Object>> found = validator.validate(range, groups);
    if (!found.isEmpty()) {
      List<Violation> violations =
          found.stream()
              .sorted(
                  Comparator.comparing(
                          (ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                      .thenComparing(ConstraintViolation::getMessage))
              .map(v -> violation(parameter, v))
              .toList();
      throw new InvalidInputException(violations);
    }
  }

  /**
   * One violation as the caller should read it: {@code range.end: 2025-03-01 is not accepted;
   * accepted: an end on or before 2024-12-31 (end 2025-03-01 is after the latest available day
   * ...)}. A class-level constraint reported on a property names that property's value, not the
   * whole range; the validator's "accepted:" clause becomes the accepted part.
   */
  private static Violation violation(String parameter, ConstraintViolation<Object> v) {
    String property = null;
    for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
      property = node.getName();
    }
    Object value = v.getInvalidValue();
    if (property != null && value instanceof Record record) {
      for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
        if (c.getName().equals(property)) {
          try {
            value = c.getAccessor().invoke(record);
          } catch (ReflectiveOperationException unreadable) {
            // Keep the whole range as the value: less precise, still true.
          }
        }
      }
    }
    String message = v.getMessage();
    int accepted = message.lastIndexOf("; accepted: ");
    String said =
        accepted < 0
            ? message
            : message.substring(accepted + "; accepted: ".length())
                + " ("
                + message.substring(0, accepted)
                + ")";
    String name = property == null ? parameter : parameter + "." + v.getPropertyPath();
    return new Violation(name, String.valueOf(value), said);
  }

  private static void requireArgument(@Nullable Object value, String parameter) {
    if (value == null) {
      throw new InvalidInputException(new Violation(parameter, "null", "a non-null value"));
    }
  }

  /** Stops the worker threads; requests in flight are interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
    validatorFactory.close();
  }
}
