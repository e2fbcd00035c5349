package io.github.spacescopejava.client;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a failed request: where it went and what came back. Never holds the token or
 * any header. Server text ({@code apiMessage}) is a bounded excerpt with credentials removed.
 *
 * @param endpoint the path, such as {@code /v2/power/network_storage_capacity}
 * @param query the query string sent, without the leading {@code ?}
 * @param window the date or hour window, as {@code start..end}
 * @param httpStatus the HTTP status, when a response arrived
 * @param apiCode the envelope's {@code code}, when there was an envelope
 * @param apiMessage the envelope's {@code message}
 * @param requestId the envelope's {@code request_id}
 */
public record RequestContext(
    @Nullable String endpoint,
    @Nullable String query,
    @Nullable String window,
    @Nullable Integer httpStatus,
    @Nullable Integer apiCode,
    @Nullable String apiMessage,
    @Nullable String requestId)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A context with nothing known yet (a failure before any request). */
  public static RequestContext none() {
    return new RequestContext(null, null, null, null, null, null, null);
  }

  /** A context for a request about to be sent. */
  public static RequestContext of(
      String endpoint, @Nullable String query, @Nullable String window) {
    return new RequestContext(endpoint, query, window, null, null, null, null);
  }

  /** This context with what the response told. */
  public RequestContext withResponse(
      @Nullable Integer httpStatus,
      @Nullable Integer apiCode,
      @Nullable String apiMessage,
      @Nullable String requestId) {
    return new RequestContext(endpoint, query, window, httpStatus, apiCode, apiMessage, requestId);
  }

  /** This context with its window replaced. */
  public RequestContext withWindow(@Nullable String newWindow) {
    return new RequestContext(
        endpoint, query, newWindow, httpStatus, apiCode, apiMessage, requestId);
  }

  /** A suffix for exception messages: {@code " [endpoint=..., window=..., ...]"}, or empty. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    append(sb, "endpoint", endpoint);
    append(sb, "window", window);
    append(sb, "http", httpStatus);
    append(sb, "code", apiCode);
    append(sb, "request_id", requestId);
    return sb.length() == 0 ? "" : " [" + sb + "]";
  }

  private static void append(StringBuilder sb, String name, @Nullable Object value) {
    if (value == null) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(name).append('=').append(value);
  }
}
