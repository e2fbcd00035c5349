package io.github.spacescopejava.client;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a failed request: where it went and what came back. Never holds the token or
 * any header. Server text ({@code apiMessage}) is a bounded excerpt with credentials removed.
 *
 * <p>The client makes its own contexts. In your tests, where you stub the client and make it throw,
 * build one with this constructor, {@code null} for what the failure would not know, and pass it to
 * the exception's public constructor:
 *
 * <pre>{@code
 * RequestContext ctx = new RequestContext(
 *     "/v2/power/network_storage_capacity", null, "2024-01-01..2024-01-31", 502, null, null, null);
 * throw new ServerException("Bad gateway", ctx, null);
 * }</pre>
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
