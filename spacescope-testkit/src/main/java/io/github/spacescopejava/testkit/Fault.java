package io.github.spacescopejava.testkit;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the fake answers instead of its normal reply, for the requests a {@link Scenario} selects.
 * Create one with the static factories; none of them is random.
 *
 * <pre>{@code
 * fake.given(Scenario.on("/v2/power/network_storage_capacity").once(Fault.errorCode(30003)));
 * fake.given(Scenario.onEveryOperation().always(Fault.latency(Duration.ofMillis(200))));
 * }</pre>
 *
 * @param kind what happens on the wire
 * @param code the envelope code of {@link Kind#ERROR_CODE}, otherwise 0
 * @param message the envelope message of {@link Kind#ERROR_CODE}, or null for the default wording
 *     of that code
 * @param duration the delay of {@link Kind#LATENCY} or the {@code Retry-After} of {@link
 *     Kind#TOO_MANY_REQUESTS}, otherwise zero
 */
public record Fault(Kind kind, int code, @Nullable String message, Duration duration) {

  /** What a fault does on the wire. */
  public enum Kind {
    /** The envelope with a non-zero code: HTTP 401 for 10011 and 10012, HTTP 200 otherwise. */
    ERROR_CODE,
    /** The normal reply, sent after a delay. Combines with the other faults. */
    LATENCY,
    /** The connection is reset before any byte of the reply. */
    CONNECTION_RESET,
    /** HTTP 502 with an HTML page, as a gateway in front of the API sends. */
    BAD_GATEWAY_HTML,
    /** HTTP 200, {@code Content-Type: application/json}, no body at all. */
    EMPTY_BODY,
    /** HTTP 200 with the first half of the normal body: JSON that ends mid-way. */
    TRUNCATED_BODY,
    /** HTTP 429 with a {@code Retry-After} header in seconds. */
    TOO_MANY_REQUESTS,
    /** HTTP 500 with an HTML page. */
    INTERNAL_SERVER_ERROR,
    /** HTTP 200, {@code code} 0, {@code "data": null}. */
    NULL_DATA
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    if (kind == Kind.ERROR_CODE && code == 0) {
      throw new IllegalArgumentException(
          "code 0 is success, not a fault: use Fault.nullData() or no scenario");
    }
  }

  /**
   * The envelope with a documented error code: 10011 or 10012 (HTTP 401), 30001 quota, 30002
   * parameters, 30003 internal, 30004 not ready (HTTP 200). {@link SpaceScopeFake#given} refuses a
   * code that the spec does not document.
   */
  public static Fault errorCode(int code) {
    return new Fault(Kind.ERROR_CODE, code, null, Duration.ZERO);
  }

  /** As {@link #errorCode(int)}, with this envelope message. */
  public static Fault errorCode(int code, String message) {
    return new Fault(
        Kind.ERROR_CODE, code, Objects.requireNonNull(message, "message"), Duration.ZERO);
  }

  /** The normal reply after {@code delay}. */
  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, 0, null, delay);
  }

  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, 0, null, Duration.ZERO);
  }

  public static Fault badGatewayHtml() {
    return new Fault(Kind.BAD_GATEWAY_HTML, 0, null, Duration.ZERO);
  }

  public static Fault emptyBody() {
    return new Fault(Kind.EMPTY_BODY, 0, null, Duration.ZERO);
  }

  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, 0, null, Duration.ZERO);
  }

  /** HTTP 429 with {@code Retry-After: <seconds>}, rounded up to whole seconds. */
  public static Fault tooManyRequests(Duration retryAfter) {
    return new Fault(Kind.TOO_MANY_REQUESTS, 0, null, retryAfter);
  }

  public static Fault internalServerError() {
    return new Fault(Kind.INTERNAL_SERVER_ERROR, 0, null, Duration.ZERO);
  }

  public static Fault nullData() {
    return new Fault(Kind.NULL_DATA, 0, null, Duration.ZERO);
  }
}
