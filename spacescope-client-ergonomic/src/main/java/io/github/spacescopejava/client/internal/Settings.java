package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Everything a client needs, already checked by {@code SpaceScope.Builder}.
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
 * @param listeners told of every call's windows and attempts, in this order (decision D60)
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
    LongSupplier nanoTime,
    List<SpaceScopeListener> listeners) {

  public Settings {
    listeners = List.copyOf(listeners);
  }

  /** Settings without listeners. */
  public Settings(
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
    this(
        baseUrl,
        token,
        connectTimeout,
        readTimeout,
        maxResponseBytes,
        retryPolicy,
        maxConcurrentRequests,
        clock,
        httpClient,
        logger,
        checkAvailability,
        random,
        sleeper,
        nanoTime,
        List.of());
  }

  @Override
  public String toString() {
    return "Settings[baseUrl="
        + baseUrl
        + ", token=[redacted], maxConcurrentRequests="
        + maxConcurrentRequests
        + ", listeners="
        + listeners.size()
        + "]";
  }
}
