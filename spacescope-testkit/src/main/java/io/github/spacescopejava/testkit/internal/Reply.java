package io.github.spacescopejava.testkit.internal;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the fake sends back.
 *
 * @param status HTTP status
 * @param headers response headers (content type included)
 * @param body the body bytes, possibly empty
 * @param code the envelope code in the body, or null when the body is not an envelope
 * @param delay how long to wait before answering
 * @param connectionReset reset the connection instead of answering
 */
record Reply(
    int status,
    Map<String, String> headers,
    byte[] body,
    @Nullable Integer code,
    Duration delay,
    boolean connectionReset) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, byte[] body, @Nullable Integer code) {
    return new Reply(
        status,
        Map.of("Content-Type", "application/json; charset=utf-8"),
        body,
        code,
        Duration.ZERO,
        false);
  }

  Reply withDelay(Duration extra) {
    return new Reply(status, headers, body, code, delay.plus(extra), connectionReset);
  }
}
