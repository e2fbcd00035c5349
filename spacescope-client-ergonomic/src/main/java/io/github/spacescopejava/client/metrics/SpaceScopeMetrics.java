package io.github.spacescopejava.client.metrics;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptFailed;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.CallFailed;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Records a client's work in a Micrometer {@link MeterRegistry}: pass it to the builder as a
 * listener (decision D61).
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();
 * SpaceScope client = SpaceScope.builder().listener(SpaceScopeMetrics.of(registry)).build();
 * }</pre>
 *
 * <p>Meters (names dot-separated in lower case, base units; every tag value comes from a bounded
 * set, never a date, a window, a query or the token):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code spacescope.requests}</td><td>timer</td><td>{@code operation}, {@code outcome},
 *       {@code status}</td><td>every HTTP request (attempt), from sending to its outcome</td></tr>
 *   <tr><td>{@code spacescope.retries}</td><td>counter</td><td>{@code operation}, {@code
 *       reason}</td><td>attempts retried</td></tr>
 *   <tr><td>{@code spacescope.rows}</td><td>counter (rows)</td><td>{@code operation}</td><td>rows
 *       received</td></tr>
 *   <tr><td>{@code spacescope.response.size}</td><td>distribution summary
 *       (bytes)</td><td>{@code operation}</td><td>the body size of each usable answer</td></tr>
 *   <tr><td>{@code spacescope.api.errors}</td><td>counter</td><td>{@code operation}, {@code
 *       code}</td><td>attempts answered with an API error code (30001 a quota or historical
 *       limit, 30004 data not ready, ...)</td></tr>
 *   <tr><td>{@code spacescope.calls.failed}</td><td>counter</td><td>{@code operation}, {@code
 *       outcome}</td><td>calls that threw</td></tr>
 * </table>
 *
 * <p>Tag values: {@code operation} is the operation's path ({@code
 * /v2/power/network_storage_capacity}); {@code outcome} is {@code success} or the kind of failure
 * ({@code transport}, {@code server}, {@code limit_exceeded}, {@code data_not_ready}, {@code
 * invalid_request}, {@code authentication}, {@code unexpected_response}, {@code client_closed},
 * {@code invalid_input}); {@code status} the HTTP status ({@code 200}, {@code 503}) or {@code none}
 * when no answer came; {@code reason} a {@link io.github.spacescopejava.client.event.RetryReason}
 * in lower case ({@code transport}, {@code rate_limited}, {@code server_error}, {@code
 * api_internal_error}, {@code limit_exceeded}); {@code code} one of the API's documented codes
 * ({@code 10011}, {@code 10012}, {@code 30001} to {@code 30004}) or {@code other}.
 *
 * <p>Thread-safe; one instance may serve several clients, whose meters then add up.
 */
// MeterRegistry and Tag in the factories' signatures: the caller, who made the registry, reads
// Micrometer itself; the client requires it static, not transitive (see module-info).
@SuppressWarnings("exports")
public final class SpaceScopeMetrics implements SpaceScopeListener {
  private static final Set<Integer> KNOWN_CODES = Set.of(10011, 10012, 30001, 30002, 30003, 30004);

  private final MeterRegistry registry;
  private final Tags common;

  private SpaceScopeMetrics(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  /** Meters in {@code registry}, with no tags beyond their own. */
  public static SpaceScopeMetrics of(MeterRegistry registry) {
    return of(registry, Tags.empty());
  }

  /**
   * Meters in {@code registry}, each with {@code commonTags} too (such as {@code client=reports},
   * to tell several clients apart).
   */
  public static SpaceScopeMetrics of(MeterRegistry registry, Iterable<Tag> commonTags) {
    if (registry == null || commonTags == null) {
      throw new IllegalArgumentException(
          "registry and commonTags are required: pass a MeterRegistry and Tags.empty() for none");
    }
    return new SpaceScopeMetrics(registry, Tags.of(commonTags));
  }

  @Override
  public void attemptAnswered(AttemptAnswered e) {
    request(e.operation(), "success", String.valueOf(e.httpStatus()), e.duration());
    Counter.builder("spacescope.rows")
        .description("Rows received from the SpaceScope API")
        .baseUnit("rows")
        .tags(common)
        .tag("operation", e.operation())
        .register(registry)
        .increment(e.rows());
    if (e.bytes() >= 0) {
      DistributionSummary.builder("spacescope.response.size")
          .description("Body size of each usable answer of the SpaceScope API")
          .baseUnit(BaseUnits.BYTES)
          .tags(common)
          .tag("operation", e.operation())
          .register(registry)
          .record(e.bytes());
    }
  }

  @Override
  public void attemptRetried(AttemptRetried e) {
    failedAttempt(e.operation(), e.failure(), e.duration());
    Counter.builder("spacescope.retries")
        .description("Requests to the SpaceScope API sent again under the retry policy")
        .tags(common)
        .tag("operation", e.operation())
        .tag("reason", e.reason().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  @Override
  public void attemptFailed(AttemptFailed e) {
    failedAttempt(e.operation(), e.exception(), e.duration());
  }

  @Override
  public void callFailed(CallFailed e) {
    Counter.builder("spacescope.calls.failed")
        .description("Calls of the SpaceScope client that threw")
        .tags(common)
        .tag("operation", e.operation())
        .tag("outcome", outcome(e.exception()))
        .register(registry)
        .increment();
  }

  private void failedAttempt(String operation, SpaceScopeException failure, Duration duration) {
    String status =
        failure.httpStatus().isPresent() ? String.valueOf(failure.httpStatus().getAsInt()) : "none";
    request(operation, outcome(failure), status, duration);
    if (failure.apiCode().isPresent()) {
      int code = failure.apiCode().getAsInt();
      Counter.builder("spacescope.api.errors")
          .description("Answers of the SpaceScope API with an error code in their envelope")
          .tags(common)
          .tag("operation", operation)
          .tag("code", KNOWN_CODES.contains(code) ? String.valueOf(code) : "other")
          .register(registry)
          .increment();
    }
  }

  private void request(String operation, String outcome, String status, Duration duration) {
    Timer.builder("spacescope.requests")
        .description("HTTP requests to the SpaceScope API, retries included")
        .tags(common)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .tag("status", status)
        .register(registry)
        .record(duration);
  }

  /** The {@code outcome} tag of a failure: its kind, from the client's sealed hierarchy. */
  static String outcome(SpaceScopeException e) {
    if (e instanceof TransportException) {
      return "transport";
    } else if (e instanceof ServerException) {
      return "server";
    } else if (e instanceof LimitExceededException) {
      return "limit_exceeded";
    } else if (e instanceof DataNotReadyException) {
      return "data_not_ready";
    } else if (e instanceof InvalidRequestException) {
      return "invalid_request";
    } else if (e instanceof AuthenticationException) {
      return "authentication";
    } else if (e instanceof UnexpectedResponseException) {
      return "unexpected_response";
    } else if (e instanceof ClientClosedException) {
      return "client_closed";
    } else if (e instanceof InvalidInputException) {
      return "invalid_input";
    }
    // Unreachable while the hierarchy is sealed; a new kind shows as this, not as a crash.
    return "other";
  }

  @Override
  public String toString() {
    return "SpaceScopeMetrics[" + registry.getClass().getSimpleName() + ", tags=" + common + "]";
  }
}
