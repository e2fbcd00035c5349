package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import io.github.spacescopejava.client.internal.GroupCalls;
import io.github.spacescopejava.client.internal.Settings;
import io.github.spacescopejava.client.internal.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SpaceScope API client. One instance is thread-safe and meant to be shared; close it when the
 * application stops: {@link #close()} releases its worker threads and its HTTP connections.
 *
 * <pre>{@code
 * try (SpaceScope spacescope = SpaceScope.builder().build()) { // token from SPACESCOPE_API_TOKEN
 *   List<NetworkStorageCapacityRow> rows = spacescope.power()
 *       .networkStorageCapacity(DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)));
 *   // 1,461 days: fetched in windows of at most 90 days, concurrently, merged in date order
 * }
 * }</pre>
 *
 * <p>Every operation of the spec is reachable through one accessor per group: {@link #power()},
 * {@link #gas()}, {@link #storageProvider()}, ... (and the deprecated v1 groups). Arguments are
 * validated before any request; a failure anywhere fails the whole call with a {@link
 * SpaceScopeException} that names the window; nothing is returned partially.
 */
public final class SpaceScope extends OperationGroups implements AutoCloseable {
  /** The environment variable read when no token is given. */
  public static final String TOKEN_ENV = "SPACESCOPE_API_TOKEN";

  /** The production base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.spacescope.io";

  /**
   * The default of {@link Builder#maxResponseBytes(long)}: 64 MiB, the most bytes one answer's body
   * may have.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

  private final GroupCalls core;
  private final String description;

  private SpaceScope(GroupCalls core, String description) {
    this.core = core;
    this.description = description;
  }

  /**
   * Every operation of the API, from the catalog generated at build time ({@link
   * Operations#all()}): names, path, shape, window limits, parameters with their rules, row type
   * and fields.
   */
  public static List<Operation<?>> operations() {
    return Operations.all();
  }

  /**
   * Calls any operation of the catalog: the generic form of the typed group methods, which are thin
   * calls of it. The request must fit the operation's shape ({@link Operation#shape()}): a {@link
   * DateRange} for day ranges, an {@link HourRange} for hourly ranges, a day or a period
   * (optionally with a provider) for state days, a {@link DealSearch} for searches, or the whole
   * series where the operation allows it. It is checked exactly as the typed methods check theirs,
   * before anything is sent; then the period is split into windows, fetched concurrently under the
   * retry policy and merged in order, and a search is walked to its last page.
   *
   * <pre>{@code
   * List<NetworkStorageCapacityRow> rows = spacescope.fetch(
   *     Operations.POWER_NETWORK_STORAGE_CAPACITY, OperationRequest.of(period));
   * }</pre>
   *
   * @param <R> the operation's row type
   * @param operation the operation, such as {@link Operations#POWER_NETWORK_STORAGE_CAPACITY}
   * @param request what to fetch
   * @return every row, in order
   * @throws InvalidInputException if the request does not fit the operation (naming {@code request}
   *     or {@code provider}, the value, and what the operation accepts) or breaks a rule of the
   *     API, before any request
   * @throws SpaceScopeException if any request fails; nothing is returned partially
   */
  public <R> List<R> fetch(Operation<R> operation, OperationRequest request) {
    return OperationCalls.fetch(core, operation, request);
  }

  /**
   * Like {@link #fetch(Operation, OperationRequest)} but hands the rows over window by window (day
   * by day, page by page), in order, without holding them all in memory. The request is checked
   * before this method returns; close the stream (try-with-resources) if you stop early.
   *
   * @param <R> the operation's row type
   * @param operation the operation
   * @param request what to fetch
   * @return a lazy stream of every row, in order
   * @throws InvalidInputException if the request does not fit the operation, before any request
   */
  public <R> Stream<R> stream(Operation<R> operation, OperationRequest request) {
    return OperationCalls.stream(core, operation, request);
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder(System::getenv);
  }

  /**
   * Releases the worker threads and the built-in HTTP client's threads and connections. Calls
   * running at that moment are cancelled and end with {@link ClientClosedException}, streams too;
   * every later call fails with it before sending anything. An {@link
   * Builder#httpClient(HttpClient) HttpClient of your own} stays open: it is yours to close.
   * Closing twice does nothing more.
   */
  @Override
  public void close() {
    core.close();
  }

  /** Describes the configuration, never the token. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Configures a {@link SpaceScope}. Methods are named after the property they set; {@link
   * #build()} checks every property and reports every problem at once.
   *
   * <p>Null is refused by every option method alike: {@link #build()} lists the option with the
   * value {@code null} among the other problems. To keep an option's default, do not call its
   * method.
   */
  public static final class Builder {
    // Options given null, with what is accepted instead; reported by build().
    private final Map<String, String> nulls = new LinkedHashMap<>();
    private final Function<String, @Nullable String> environment;
    private @Nullable String token;
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable Duration connectTimeout;
    private Duration readTimeout = Duration.ofSeconds(60);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int maxConcurrentRequests = 4;
    private Clock clock = Clock.systemUTC();
    private @Nullable HttpClient httpClient;
    private Logger logger = LoggerFactory.getLogger(SpaceScope.class);
    private boolean checkDataAvailability = true;
    private RandomGenerator random = RandomGenerator.getDefault();
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private final List<SpaceScopeListener> listeners = new ArrayList<>();

    Builder(Function<String, @Nullable String> environment) {
      this.environment = environment;
    }

    /** Reads the environment through {@code environment} instead of the process's (for tests). */
    static Builder withEnvironment(Map<String, String> environment) {
      return new Builder(environment::get);
    }

    /**
     * The API token, as issued (the client adds {@code Bearer }). When not set, {@value #TOKEN_ENV}
     * is read.
     */
    public Builder token(String token) {
      this.token = keep("token", token, this.token);
      return this;
    }

    /** The API's base URL; default {@value #DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = keep("baseUrl", baseUrl, this.baseUrl);
      return this;
    }

    /**
     * How long to wait for a connection, up to 1 day; default 10 s. Configures the built-in HTTP
     * client: with {@link #httpClient(HttpClient)}, set it on your client instead.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = keep("connectTimeout", connectTimeout, this.connectTimeout);
      return this;
    }

    /**
     * The most one attempt may take, from sending the request to the last byte of the answer (a new
     * connection included), up to 1 day; default 60 s (a 90-day window can be slow). A server that
     * sends its headers and then stalls is cut off at this deadline too.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = keep("readTimeout", readTimeout, this.readTimeout);
      return this;
    }

    /**
     * The most bytes the body of one answer may have, 1 to 2,147,483,639 (the largest byte array
     * the JVM allocates); default {@value #DEFAULT_MAX_RESPONSE_BYTES} (64 MiB), several times the
     * largest answer the API is known to give (decision D44). An answer whose {@code
     * Content-Length} is larger is not read; one that grows larger while it arrives is stopped at
     * the limit and its connection closed. Either fails the call with {@link
     * UnexpectedResponseException}, which names this option, and is not retried: a server or proxy
     * sending an endless or huge answer cannot exhaust the application's memory.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** When and how often to retry; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = keep("retryPolicy", retryPolicy, this.retryPolicy);
      return this;
    }

    /** The most requests in flight at once for the whole client, 1 to 64; default 4. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * The clock that decides which days are published (day D at 21:00 UTC on D+1) and times
     * retries; default the system UTC clock.
     */
    public Builder clock(Clock clock) {
      this.clock = keep("clock", clock, this.clock);
      return this;
    }

    /**
     * A JDK {@link HttpClient} of your own (a proxy, an SSL context, an executor), used instead of
     * the built-in one. It must not follow redirects ({@code Redirect.NEVER}, the JDK's default),
     * so that the token never goes to another origin. It stays yours: {@link SpaceScope#close()}
     * cancels the client's requests on it but does not close it.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = keep("httpClient", httpClient, this.httpClient);
      return this;
    }

    /** Where DEBUG lines about requests and retries go; never receives the token. */
    public Builder logger(Logger logger) {
      this.logger = keep("logger", logger, this.logger);
      return this;
    }

    /**
     * Whether dates after the latest published day are refused before sending (default true). Turn
     * off to ask the server anyway, for example with a clock you cannot trust.
     */
    public Builder checkDataAvailability(boolean checkDataAvailability) {
      this.checkDataAvailability = checkDataAvailability;
      return this;
    }

    /**
     * Adds a listener told of every call's windows and attempts: planned, sent, answered, retried,
     * failed (decision D60). Several may be added; they are called in the order added, on the
     * thread that makes each attempt, so they must be fast and thread-safe. One that throws does
     * not change the call. Events never carry the token. For Micrometer meters, add {@code
     * SpaceScopeMetrics.of(registry)} (package {@code client.metrics}).
     */
    public Builder listener(SpaceScopeListener listener) {
      if (listener == null) {
        nulls.put("listener", "a SpaceScopeListener; leave listener(...) out to add none");
      } else {
        listeners.add(listener);
      }
      return this;
    }

    /** The jitter source for retries (for deterministic tests). */
    Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    /** What waits between attempts (for tests that observe the waits without sleeping). */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Checks the configuration and creates the client.
     *
     * @throws InvalidInputException listing every problem, such as {@code token is required: pass
     *     token(...) or set SPACESCOPE_API_TOKEN}
     */
    public SpaceScope build() {
      List<Violation> problems = new ArrayList<>();
      String resolvedToken = token != null ? token : environment.apply(TOKEN_ENV);
      BuilderChecks.token(resolvedToken, problems);
      String url = BuilderChecks.baseUrl(baseUrl, problems);
      Duration connect = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
      BuilderChecks.timeout("connectTimeout", connect, problems);
      BuilderChecks.timeout("readTimeout", readTimeout, problems);
      BuilderChecks.httpClient(httpClient, connectTimeout, problems);
      BuilderChecks.maxResponseBytes(maxResponseBytes, problems);
      BuilderChecks.maxConcurrentRequests(maxConcurrentRequests, problems);
      nulls.forEach((option, accepted) -> problems.add(new Violation(option, "null", accepted)));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      GroupCalls core =
          new GroupCalls(
              new Settings(
                  url,
                  Objects.requireNonNull(resolvedToken),
                  connect,
                  readTimeout,
                  maxResponseBytes,
                  retryPolicy,
                  maxConcurrentRequests,
                  clock,
                  httpClient,
                  logger,
                  checkDataAvailability,
                  random,
                  sleeper,
                  System::nanoTime,
                  listeners));
      return new SpaceScope(
          core,
          "SpaceScope[baseUrl="
              + url
              + ", maxConcurrentRequests="
              + maxConcurrentRequests
              + ", retryPolicy="
              + retryPolicy
              + (listeners.isEmpty() ? "" : ", listeners=" + listeners.size())
              + ", token=(redacted)]");
    }

    /** {@code value}, or {@code current} when it is null, which build() then reports. */
    private <T> T keep(String option, @Nullable T value, T current) {
      return BuilderChecks.keep(nulls, option, value, current);
    }
  }
}
