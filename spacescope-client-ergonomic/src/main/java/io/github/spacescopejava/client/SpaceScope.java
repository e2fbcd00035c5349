package io.github.spacescopejava.client;

import feign.Client;
import feign.http2client.Http2Client;
import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.api.OperationGroups;
import io.github.spacescopejava.client.internal.Core;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * application stops to release its worker threads.
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

  /** Releases the worker threads; calls in flight fail. */
  @Override
  public void close() {
    core.close();
  }

  /** Describes the configuration, never the token. */
  @Override
  public String toString() {
    return description;
  }

  /** Configures a {@link SpaceScope}. Methods are named after the property they set. */
  public static final class Builder {
    private final Function<String, @Nullable String> environment;
    private @Nullable String token;
    private String baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int maxConcurrentRequests = 4;
    private Clock clock = Clock.systemUTC();
    private @Nullable Client transport;
    private Logger logger = LoggerFactory.getLogger(SpaceScope.class);
    private boolean checkDataAvailability = true;
    private RandomGenerator random = RandomGenerator.getDefault();

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
      this.token = token;
      return this;
    }

    /** The API's base URL; default {@value #DEFAULT_BASE_URL}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** How long to wait for a response; default 60 s (a 90-day window can be slow). */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /** When and how often to retry; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
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
      this.clock = clock;
      return this;
    }

    /** The HTTP transport; default Feign's client on the JDK {@link HttpClient}. */
    public Builder transport(Client transport) {
      this.transport = transport;
      return this;
    }

    /** Where DEBUG lines about requests and retries go; never receives the token. */
    public Builder logger(Logger logger) {
      this.logger = logger;
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

    /**
     * Checks the configuration and creates the client.
     *
     * @throws InvalidInputException listing every problem, such as {@code token is required: pass
     *     token(...) or set SPACESCOPE_API_TOKEN}
     */
    public SpaceScope build() {
      List<Violation> problems = new ArrayList<>();
      String resolvedToken = token != null ? token : environment.apply(TOKEN_ENV);
      if (resolvedToken == null || resolvedToken.isBlank()) {
        problems.add(
            new Violation(
                "token",
                resolvedToken == null ? "null" : "(blank)",
                "token is required: pass token(...) or set " + TOKEN_ENV));
      } else if (!resolvedToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        problems.add(
            new Violation(
                "token",
                "(redacted, " + resolvedToken.length() + " characters)",
                "printable ASCII without spaces, quotes or line breaks, as issued"));
      } else if (resolvedToken.regionMatches(true, 0, "Bearer", 0, 6)) {
        problems.add(
            new Violation(
                "token",
                "(redacted, starts with 'Bearer')",
                "the token alone: the client adds the 'Bearer ' prefix"));
      }
      String url = baseUrl == null ? "" : baseUrl.strip();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (!isHttpUrl(url)) {
        problems.add(
            new Violation(
                "baseUrl",
                String.valueOf(baseUrl),
                "an absolute http(s) URL such as " + DEFAULT_BASE_URL));
      }
      if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
        problems.add(
            new Violation("connectTimeout", String.valueOf(connectTimeout), "a positive duration"));
      }
      if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
        problems.add(
            new Violation("readTimeout", String.valueOf(readTimeout), "a positive duration"));
      }
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 64) {
        problems.add(
            new Violation(
                "maxConcurrentRequests", String.valueOf(maxConcurrentRequests), "1 to 64"));
      }
      if (retryPolicy == null) {
        problems.add(
            new Violation(
                "retryPolicy",
                "null",
                "a policy, such as RetryPolicy.defaults() or RetryPolicy.none()"));
      }
      if (clock == null) {
        problems.add(new Violation("clock", "null", "a clock, such as Clock.systemUTC()"));
      }
      if (logger == null) {
        problems.add(new Violation("logger", "null", "an SLF4J logger"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      Client client =
          transport != null
              ? transport
              : new Http2Client(
                  HttpClient.newBuilder()
                      .connectTimeout(connectTimeout)
                      .followRedirects(HttpClient.Redirect.NORMAL)
                      .version(HttpClient.Version.HTTP_1_1)
                      .build());
      Core core =
          new Core(
              new Core.Settings(
                  url,
                  Objects.requireNonNull(resolvedToken),
                  connectTimeout,
                  readTimeout,
                  retryPolicy,
                  maxConcurrentRequests,
                  clock,
                  client,
                  logger,
                  checkDataAvailability,
                  random));
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

    private static boolean isHttpUrl(String url) {
      try {
        URI uri = new URI(url);
        return uri.isAbsolute()
            && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            && uri.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
