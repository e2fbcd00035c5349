package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.internal.Core;
import io.github.spacescopejava.client.internal.Sleeper;
import java.net.URI;
import java.net.URISyntaxException;
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

  // The largest byte array the JVM allocates reliably: one answer is held in one array.
  private static final long MAX_RESPONSE_BYTES = Integer.MAX_VALUE - 8;

  private final Core core;
  private final String description;

  private SpaceScope(Core core, String description) {
    super(core);
    this.core = core;
    this.description = description;
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
   * Configures a {@link SpaceScope}. Methods are named after the property they set. (This file is
   * longer than most because {@link #build()} checks every property and reports every problem at
   * once, with the value and what is accepted.)
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
      this.token =
          keep(
              "token",
              token,
              this.token,
              "the token as issued; leave token(...) out to read " + TOKEN_ENV);
      return this;
    }

    /** The API's base URL; default {@value #DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl =
          keep(
              "baseUrl",
              baseUrl,
              this.baseUrl,
              "an absolute http(s) URL; default " + DEFAULT_BASE_URL);
      return this;
    }

    /**
     * How long to wait for a connection, up to 1 day; default 10 s. Configures the built-in HTTP
     * client: with {@link #httpClient(HttpClient)}, set it on your client instead.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout =
          keep(
              "connectTimeout",
              connectTimeout,
              this.connectTimeout,
              "a positive duration of at most 1 day; default 10 s");
      return this;
    }

    /**
     * The most one attempt may take, from sending the request to the last byte of the answer (a new
     * connection included), up to 1 day; default 60 s (a 90-day window can be slow). A server that
     * sends its headers and then stalls is cut off at this deadline too.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout =
          keep(
              "readTimeout",
              readTimeout,
              this.readTimeout,
              "a positive duration of at most 1 day; default 60 s");
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
      this.retryPolicy =
          keep(
              "retryPolicy",
              retryPolicy,
              this.retryPolicy,
              "a policy, such as RetryPolicy.defaults() or RetryPolicy.none()");
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
      this.clock = keep("clock", clock, this.clock, "a clock, such as Clock.systemUTC()");
      return this;
    }

    /**
     * A JDK {@link HttpClient} of your own (a proxy, an SSL context, an executor), used instead of
     * the built-in one. It must not follow redirects ({@code Redirect.NEVER}, the JDK's default),
     * so that the token never goes to another origin. It stays yours: {@link SpaceScope#close()}
     * cancels the client's requests on it but does not close it.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient =
          keep(
              "httpClient",
              httpClient,
              this.httpClient,
              "an HttpClient; leave httpClient(...) out for the built-in one");
      return this;
    }

    /** Where DEBUG lines about requests and retries go; never receives the token. */
    public Builder logger(Logger logger) {
      this.logger = keep("logger", logger, this.logger, "an SLF4J logger");
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
      checkToken(resolvedToken, problems);
      String url = baseUrl == null ? "" : baseUrl.strip();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      String urlProblem = baseUrlProblem(url);
      if (urlProblem != null) {
        problems.add(new Violation("baseUrl", String.valueOf(baseUrl), urlProblem));
      }
      Duration connect = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
      checkTimeout("connectTimeout", connectTimeout == null ? connect : connectTimeout, problems);
      checkTimeout("readTimeout", readTimeout, problems);
      if (httpClient != null && connectTimeout != null) {
        problems.add(
            new Violation(
                "connectTimeout",
                String.valueOf(connectTimeout),
                "no connect timeout together with httpClient(...): set it on your HttpClient"
                    + " with HttpClient.newBuilder().connectTimeout(...)"));
      }
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        problems.add(
            new Violation(
                "httpClient",
                "an HttpClient with followRedirects " + httpClient.followRedirects(),
                "an HttpClient with followRedirects(HttpClient.Redirect.NEVER) (the JDK's"
                    + " default): a followed redirect could take the token to another origin"));
      }
      if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES) {
        problems.add(
            new Violation(
                "maxResponseBytes",
                String.valueOf(maxResponseBytes),
                "1 to "
                    + MAX_RESPONSE_BYTES
                    + " bytes (the largest byte array the JVM allocates); default "
                    + DEFAULT_MAX_RESPONSE_BYTES
                    + " (64 MiB)"));
      }
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 64) {
        problems.add(
            new Violation(
                "maxConcurrentRequests", String.valueOf(maxConcurrentRequests), "1 to 64"));
      }
      nulls.forEach((option, accepted) -> problems.add(new Violation(option, "null", accepted)));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      Core core =
          new Core(
              new Core.Settings(
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
                  System::nanoTime));
      return new SpaceScope(
          core,
          "SpaceScope[baseUrl="
              + url
              + ", maxConcurrentRequests="
              + maxConcurrentRequests
              + ", retryPolicy="
              + retryPolicy
              + ", token=(redacted)]");
    }

    private static void checkToken(@Nullable String token, List<Violation> problems) {
      if (token == null || token.isBlank()) {
        problems.add(
            new Violation(
                "token",
                token == null ? "null" : "(blank)",
                "token is required: pass token(...) or set " + TOKEN_ENV));
      } else if (token.regionMatches(true, 0, "Bearer", 0, 6)) {
        // Checked first: "Bearer abc" also has a space, but the prefix is the mistake to name.
        problems.add(
            new Violation(
                "token",
                "(redacted, starts with 'Bearer')",
                "the token alone: the client adds the 'Bearer ' prefix"));
      } else if (!token.chars().allMatch(Builder::isTokenChar)) {
        problems.add(
            new Violation(
                "token",
                "(redacted, " + token.length() + " characters)",
                "printable ASCII without spaces, quotes or line breaks, as issued"));
      }
    }

    private static boolean isTokenChar(int c) {
      return c > 0x20 && c < 0x7f && c != '"' && c != '\'';
    }

    /** {@code value}, or {@code current} when it is null, which build() then reports. */
    private <T> T keep(String option, @Nullable T value, T current, String accepted) {
      if (value == null) {
        nulls.put(option, accepted);
        return current;
      }
      nulls.remove(option);
      return value;
    }

    // Durations the JDK client can hold in milliseconds without overflow, with room to spare.
    private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    private static void checkTimeout(
        String name, @Nullable Duration value, List<Violation> problems) {
      if (value == null
          || value.isNegative()
          || value.isZero()
          || value.compareTo(MAX_TIMEOUT) > 0) {
        problems.add(
            new Violation(name, String.valueOf(value), "a positive duration of at most 1 day"));
      }
    }

    /** Why {@code url} cannot be the API's base URL, or null when it can. */
    private static @Nullable String baseUrlProblem(String url) {
      String accepted = "an absolute http(s) URL such as " + DEFAULT_BASE_URL;
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        return accepted + " (not a URL: " + e.getReason() + ")";
      }
      if (!uri.isAbsolute()
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        return accepted;
      }
      if (uri.getRawQuery() != null) {
        return accepted + ", without a query string (request paths and parameters go after it)";
      }
      if (uri.getRawFragment() != null) {
        return accepted + ", without a fragment (#...)";
      }
      if (uri.getRawUserInfo() != null) {
        return accepted + ", without user information (user:password@): pass the token instead";
      }
      return null;
    }
  }
}
